/**
 * The Podium wire protocol: every shape that crosses HTTP or SSE.
 * Imported by the server and (as types) by the client. Imports nothing.
 */

/** One rendered slide as the audience receives it: sanitized HTML, never notes. */
export interface Slide {
  html: string;
  /** How many build steps the slide has (0: all shown at once); its HTML marks build k with `data-step="k"`. */
  steps: number;
}

/**
 * Where a deck is now: 0-based slide index, the build step of that slide (0 to its `steps`;
 * step k shows builds 1..k) and a version that grows by 1 per change.
 */
export interface SlideState {
  index: number;
  step: number;
  version: number;
}

/** A slide and build step: how far a deck browsed `behind` has reached. */
export interface SlidePosition {
  index: number;
  step: number;
}

/** A deck as anyone with the audience link sees it. */
export interface Deck extends SlideState {
  id: string;
  title: string;
  /** Every slide; for a deck browsed `behind`, only those up to `reached` (the others are not sent). */
  slides: Slide[];
  /** Present only when set: `behind` keeps the audience from reading ahead of the presenter. */
  browse?: 'behind';
  /** With `browse: behind`: the furthest slide and step the presenter has shown. */
  reached?: SlidePosition;
  /** With `browse: behind`: how many slides the deck has in all. */
  count?: number;
  /** Present only when the presenter turned reaction bursts off for the whole room. */
  bursts?: false;
}

/**
 * What the presenter decides for the whole room, live: `browse` (`free`, or `behind`: the
 * audience never reads ahead of the furthest slide shown) and `bursts` (reactions float up on
 * every screen; false keeps every screen quiet, the counts still reach the presenter). New
 * decks start with front matter's `browse` (default free) and bursts on.
 */
export interface RoomSettings {
  browse: 'free' | 'behind';
  bursts: boolean;
}

/** Body of `PATCH /api/decks/:id/settings` (presenter key): one setting or both. */
export type RoomSettingsRequest = Partial<RoomSettings>;

/**
 * 200 answer of `PATCH /api/decks/:id/settings`: the settings after it, and the deck's state
 * (a change grows the version, and reaches every screen as a `slide` event: `reached` present
 * means behind, `bursts: false` means off).
 */
export interface RoomSettingsResponse extends RoomSettings, SlideState {}

/**
 * The talk clock, one per deck and kept by the server: when the talk started (epoch
 * milliseconds, server time; null until the first slide change or an explicit start, and
 * again after "start over") and its target length in minutes (null: none).
 */
export interface TalkClock {
  startedAt: number | null;
  durationMinutes: number | null;
}

/** A deck as its presenter sees it: the public deck plus one notes string per slide, and the clock. */
export interface PresenterDeck extends Deck {
  notes: string[];
  /**
   * The import report of the deck's latest import (replaced when it is imported again): an
   * empty list when everything came through; null for a deck imported before reports were kept.
   */
  warnings: DeckWarning[] | null;
  clock: TalkClock;
}

/**
 * Body of `POST /api/decks/:id/clock` (presenter key, optional `If-Match`): `start` starts the
 * clock (no change when running), `start_over` goes back to the first slide and stops the
 * clock, `set_duration` sets the target (`durationMinutes`, 1 to 1440, or null for none).
 * Each change grows the version and reaches screens as a `slide` event carrying `clock`.
 */
export interface ClockRequest {
  action: 'start' | 'start_over' | 'set_duration';
  durationMinutes?: number | null;
}

/** 200 answer of `POST /api/decks/:id/clock`: the state and the clock after it. */
export interface ClockResponse extends SlideState {
  clock: TalkClock;
}

/** Body of `POST /api/decks`. */
export interface CreateDeckRequest {
  markdown: string;
  title?: string;
}

/** Links printed and returned for a deck; the remote link carries the key in its fragment. */
export interface DeckLinks {
  audience: string;
  remote: string;
}

/** 201 answer to `POST /api/decks`. */
export interface CreateDeckResponse {
  deck: Deck;
  presenterKey: string;
  links: DeckLinks;
  /** Everything dropped, missing or changed at import; an empty list when none. */
  warnings: DeckWarning[];
}

/** One import warning, in words a presenter understands; `slide` is the 0-based slide index when it concerns one. */
export interface DeckWarning {
  code: string;
  message: string;
  slide?: number;
}

/** Body of `PUT /api/decks/:id/slide`; `step` defaults to 0. */
export interface SetSlideRequest {
  index: number;
  step?: number;
}

/** 200 answer to `PUT /api/decks/:id/slide`. */
export type SetSlideResponse = SlideState;

/** 201 answer to `POST /api/decks/:id/keys`: the new key, shown once, and its remote link. */
export interface CreateKeyResponse {
  id: string;
  presenterKey: string;
  label: string;
  links: { remote: string };
}

/** Body of `POST /api/decks/:id/keys/exchange` (Bearer: a pairing link's key): the key this device chose. */
export interface ExchangeKeyRequest {
  /** 32 random bytes in base64url (43 characters), made on the device; it never travels in a link. */
  deviceKey: string;
}

/** 201 answer to `POST /api/decks/:id/keys/exchange`: the device key is live, the link retired. */
export interface ExchangeKeyResponse {
  id: string;
  /** The device as the presenter sees it in the list, e.g. "Chrome on Android". */
  label: string;
}

/** One live presenter key as `GET /api/decks/:id/keys` lists it: never the key itself. */
export interface PresenterKeyInfo {
  id: string;
  label: string;
  /** ISO 8601 time of minting. */
  createdAt: string;
  /** `link`: a pairing link not opened yet; `device`: a paired device's own key. */
  kind: 'link' | 'device';
  /** True for the key that made this request. */
  current: boolean;
}

/** 200 answer to `GET /api/decks/:id/keys`. */
export interface KeyListResponse {
  keys: PresenterKeyInfo[];
}

/** One address of the server's machine that links may use (`GET /api/link-bases`). */
export interface LinkBaseChoice {
  /** The base of links at this address, e.g. `http://192.168.1.20:3000` or `http://[fd00::2]:3000`. */
  base: string;
  address: string;
  /** The network interface, e.g. `wlan0`. */
  name: string;
  family: 'IPv4' | 'IPv6';
}

/** `GET /api/link-bases`: the base links use, and the machine's other addresses a presenter may pick. */
export interface LinkBasesResponse {
  /** The base of links in answers, e.g. `http://192.168.1.20:3000`. */
  base: string;
  /** `public_url`: PUBLIC_URL is set; `lan`: this machine's network address; `request`: the page's own origin (bound to loopback, or behind a trusted proxy). */
  source: 'public_url' | 'lan' | 'request';
  /** With `lan`, every address a phone may open, `base`'s first; else empty. */
  choices: LinkBaseChoice[];
}

/** Machine-readable error codes; the message beside each is for people. */
export type ErrorCode =
  | 'bad_request'
  | 'malformed_json'
  | 'invalid_body'
  | 'invalid_if_match'
  | 'missing_key'
  | 'invalid_key'
  | 'not_found'
  | 'method_not_allowed'
  | 'version_mismatch'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'no_slides'
  | 'render_timeout'
  | 'pdf_too_large'
  | 'pdf_unreadable'
  | 'pdf_encrypted'
  | 'pdf_render_timeout'
  | 'invalid_index'
  | 'invalid_step'
  | 'invalid_text'
  | 'invalid_state'
  | 'invalid_option'
  | 'poll_closed'
  | 'invalid_reaction'
  | 'invalid_duration'
  | 'invalid_setting'
  | 'rate_limited'
  | 'too_many_streams'
  | 'quota_exceeded'
  | 'server_busy'
  | 'storage_full'
  | 'too_many_keys'
  | 'last_key'
  | 'pairing_link_used'
  | 'not_a_pairing_link'
  | 'device_key_taken'
  | 'request_timeout'
  | 'headers_too_large'
  | 'unavailable'
  | 'outcome_unknown'
  | 'internal_error';

/** Every error body: `{"error":{"code","message"}}`; a 412 also carries the current state. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  current?: SlideState;
}

/** Data of the SSE `slide` event (`event: slide`, `id: <version>`). */
export interface SlideEventData extends SlideState {
  /** Number of slides in the deck, so a viewer can tell when the deck itself was edited. */
  count?: number;
  /** With `browse: behind`: the furthest slide and step shown so far. */
  reached?: SlidePosition;
  /** With `browse: behind`, on the change that reached them: the slides from index `first` on, newly revealed. */
  reveal?: { first: number; slides: Slide[] };
  /** The talk clock as of this version (presenter screens follow it; viewers may ignore it). */
  clock?: TalkClock;
  /** Present only while the presenter has reaction bursts off for the whole room. */
  bursts?: false;
}

/** `GET /healthz` body. */
export interface HealthBody {
  status: 'ok' | 'degraded';
  database?: 'ok' | 'down';
  listener?: 'connected' | 'disconnected';
  /** Whether the listener's own probe NOTIFYs come back (a transaction-mode pooler swallows them). */
  notifications?: 'arriving' | 'not_arriving';
  /** Why the status is degraded, in words an operator understands. */
  reason?: string;
}
