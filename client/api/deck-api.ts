import type {
  ClockRequest,
  ClockResponse,
  CreateDeckRequest,
  CreateDeckResponse,
  Deck,
  DeckWarning,
  PresenterDeck,
  RoomSettingsRequest,
  RoomSettingsResponse,
  SlideState,
} from '../../shared/protocol.js';
import { isIndex, isRecord, isSlide, isSlideState, isTalkClock } from '../../shared/validate.js';
import type { SlidePosition } from '../state/step-walk.js';
import type { DeckBundle } from '../utils/deck-bundle.js';
import { ApiError, narrow, request } from './request.js';

function isDeck(value: unknown): value is Deck {
  return (
    isRecord(value) &&
    isSlideState(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.slides) &&
    value.slides.every(isSlide) &&
    (value.reached === undefined ||
      (isRecord(value.reached) && isIndex(value.reached.index) && isIndex(value.reached.step)))
  );
}

function isClockResponse(value: unknown): value is ClockResponse {
  return isSlideState(value) && isTalkClock((value as unknown as Record<string, unknown>).clock);
}

function isDeckWarning(value: unknown): value is DeckWarning {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    typeof value.message === 'string' &&
    (value.slide === undefined || (typeof value.slide === 'number' && Number.isInteger(value.slide)))
  );
}

function isPresenterDeck(value: unknown): value is PresenterDeck {
  if (!isDeck(value)) return false;
  const { notes, warnings, clock } = value as unknown as Record<string, unknown>;
  return (
    Array.isArray(notes) &&
    notes.every((note) => typeof note === 'string') &&
    (warnings === null || (Array.isArray(warnings) && warnings.every(isDeckWarning))) &&
    isTalkClock(clock)
  );
}

function isCreateDeckResponse(value: unknown): value is CreateDeckResponse {
  return (
    isRecord(value) &&
    Array.isArray(value.warnings) &&
    value.warnings.every(isDeckWarning) &&
    isDeck(value.deck) &&
    typeof value.presenterKey === 'string' &&
    isRecord(value.links) &&
    typeof value.links.audience === 'string' &&
    typeof value.links.remote === 'string'
  );
}

const deckUrl = (id: string): string => `/api/decks/${encodeURIComponent(id)}`;

/** `GET /api/decks/:id`: the public deck. */
export async function fetchDeck(id: string): Promise<Deck> {
  return narrow(await request(deckUrl(id)), isDeck);
}

/** `GET /api/decks/:id/presenter`: the deck with speaker notes; 401 for a wrong key. */
export async function fetchPresenterDeck(id: string, key: string): Promise<PresenterDeck> {
  const body = await request(`${deckUrl(id)}/presenter`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  return narrow(body, isPresenterDeck);
}

/** `PUT /api/decks/:id/slide` to slide and step `target`, a compare-and-set on `version` (412 carries `current`). */
export async function putSlide(id: string, key: string, target: SlidePosition, version: number): Promise<SlideState> {
  const body = await request(`${deckUrl(id)}/slide`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${key}`,
      'Content-Type': 'application/json',
      'If-Match': `"${version}"`,
    },
    body: JSON.stringify({ index: target.index, step: target.step }),
  });
  return narrow(body, isSlideState);
}

/** `POST /api/decks`; `adminToken` only where the server requires one. */
export async function createDeck(deck: CreateDeckRequest, adminToken?: string): Promise<CreateDeckResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (adminToken) headers.Authorization = `Bearer ${adminToken}`;
  const body = await request('/api/decks', {
    method: 'POST',
    headers,
    body: JSON.stringify(deck),
  });
  return narrow(body, isCreateDeckResponse);
}

/** Sentences for answers that came without the server's own (a proxy's 413, say). */
function plainSentence(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code === 'http_413') {
    return new ApiError(
      413,
      error.code,
      'The upload is too large for the server: leave out some images and try again.',
    );
  }
  return error;
}

/**
 * `POST /api/decks` as `multipart/form-data`: the `deck` part, one `asset` part per file
 * (its filename the path relative to the deck) and the `title` field when not empty.
 */
export async function uploadDeck(bundle: DeckBundle, title: string, adminToken?: string): Promise<CreateDeckResponse> {
  const form = new FormData();
  if (title) form.append('title', title);
  form.append('deck', bundle.deck.file, bundle.deck.name);
  for (const asset of bundle.assets) form.append('asset', asset.file, asset.name);
  const headers: Record<string, string> = {};
  if (adminToken) headers.Authorization = `Bearer ${adminToken}`;
  try {
    return narrow(await request('/api/decks', { method: 'POST', headers, body: form }), isCreateDeckResponse);
  } catch (error) {
    throw plainSentence(error);
  }
}

/** The events URL of a deck (SSE). */
export function eventsUrl(id: string): string {
  return `${deckUrl(id)}/events`;
}

/** `POST /api/decks/:id/clock`: start the clock, start the talk over, or set its target. */
export async function postClock(id: string, key: string, change: ClockRequest): Promise<ClockResponse> {
  const body = await request(`${deckUrl(id)}/clock`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(change),
  });
  return narrow(body, isClockResponse);
}

function isRoomSettingsResponse(value: unknown): value is RoomSettingsResponse {
  if (!isSlideState(value)) return false;
  const record = value as unknown as Record<string, unknown>;
  return (record.browse === 'free' || record.browse === 'behind') && typeof record.bursts === 'boolean';
}

/** `PATCH /api/decks/:id/settings`: the room settings (browse, bursts) for every screen; answers them with the deck state. */
export async function patchRoomSettings(
  id: string,
  key: string,
  change: RoomSettingsRequest,
): Promise<RoomSettingsResponse> {
  const body = await request(`${deckUrl(id)}/settings`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(change),
  });
  return narrow(body, isRoomSettingsResponse);
}
