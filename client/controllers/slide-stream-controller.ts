import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SlideEventData } from '../../shared/protocol.js';
import { parseSlideEvent } from '../../shared/validate.js';
import { backoffDelay } from '../../shared/backoff.js';
import { FetchEventSource, type EventSourceLike } from '../api/fetch-event-source.js';
import { probeStreamRefusal, type StreamRefusal } from '../api/stream-refusal.js';
import { ROOM_EVENTS, roomBus } from '../state/room-bus.js';

/** What a person sees of the stream: connecting, live, reconnecting, waiting (refused, told when to retry) or offline. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'waiting' | 'offline';

/** Options of `SlideStreamController`. */
export interface SlideStreamOptions {
  /** The stream URL, or null to stay closed; re-read after every host update. */
  url: () => string | null;
  /** Every valid `slide` event; after each (re)connect the first one is the current state. */
  onSlide: (event: SlideEventData) => void;
  /** A `deck` event: the deck's content changed (a rehearsal edit); fetch it again. Default: nothing. */
  onDeckChange?: () => void;
  /** Other events by name (`reactions`, `presenter`...), each given its raw data line. Default: none. */
  on?: Record<string, (data: string) => void>;
  /** Headers to send (the presenter key): the stream is then read with fetch, since EventSource sends none. Default: none. */
  headers?: () => Record<string, string> | null;
  /** How long the browser may retry on its own before we close and reopen; default 4 s. */
  stallMs?: number;
  /** First reconnect delay, doubled per failure; default 500 ms. */
  baseDelayMs?: number;
  /** Longest reconnect delay; default 15 s. */
  maxDelayMs?: number;
  /** Failed attempts in a row before the status says offline; default 3. */
  offlineAfter?: number;
  /** After the page was hidden this long, reconnect when it is shown again; default 5 s. */
  resumeAfterMs?: number;
}

/**
 * The deck's SSE stream as a Lit controller: opens on hostConnected, closes on
 * hostDisconnected. EventSource retries a dropped connection by itself but gives up for
 * good on a non-200 answer, and its retries have no jitter; so when the source reports
 * CLOSED, or has not delivered a slide within `stallMs` of an error, this closes it and
 * opens a new one after a capped exponential backoff with jitter. The server sends the
 * current state first on every stream, so a reconnect always lands on the live slide.
 */
export class SlideStreamController implements ReactiveController {
  /** Connection state for the UI; the host re-renders when it changes. */
  status: StreamStatus = 'connecting';
  /** While `waiting`: why the server refused the stream and when it is tried again. */
  refusal: StreamRefusal | null = null;

  private source: EventSourceLike | null = null;
  private openUrl: string | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private hiddenAt: number | null = null;
  /** Bumped by every open and close, so a refusal probe that outlived its stream is ignored. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SlideStreamOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    this.close();
    this.openUrl = null;
  }

  /** Drops the current connection and opens a new one at once (resets the backoff). */
  reconnectNow(): void {
    // A refused stream waits as long as the server asked, whatever else happens meanwhile.
    if (this.status === 'waiting') return;
    this.attempt = 0;
    if (this.openUrl) this.open();
  }

  private readonly handleOnline = (): void => {
    if (!this.openUrl || this.status === 'waiting') return;
    // Everyone's Wi-Fi comes back at once: a short jittered pause, not a stampede.
    this.attempt = 0;
    this.scheduleReopen();
  };

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') {
      this.hiddenAt = Date.now();
      return;
    }
    // A phone that slept may hold a dead connection that never reports an error.
    const away = this.hiddenAt === null ? 0 : Date.now() - this.hiddenAt;
    this.hiddenAt = null;
    if (away >= (this.options.resumeAfterMs ?? 5000)) this.reconnectNow();
  };

  private readonly handleOffline = (): void => {
    // A dropped network can leave the old connection half-open for minutes: drop it now,
    // keep trying slowly, and reconnect at once when the browser says it is back online.
    if (this.openUrl) this.scheduleReopen();
  };

  /** Opens, reopens or closes to match the current URL. */
  private sync(): void {
    const url = this.options.url();
    if (url === this.openUrl) return;
    this.close();
    this.openUrl = url;
    this.attempt = 0;
    if (url) this.open();
  }

  private open(): void {
    this.close();
    const url = this.openUrl;
    if (!url) return;
    if (this.status !== 'live' && this.status !== 'waiting' && this.attempt === 0) this.setStatus('connecting');
    const headers = this.options.headers?.();
    const source: EventSourceLike = headers ? new FetchEventSource(url, headers) : new EventSource(url);
    this.source = source;
    source.addEventListener('slide', (event) => {
      if (source !== this.source || !(event instanceof MessageEvent) || typeof event.data !== 'string') return;
      const data = parseSlideEvent(event.data);
      if (!data) return;
      this.attempt = 0;
      clearTimeout(this.stallTimer);
      this.stallTimer = undefined;
      this.refusal = null;
      this.setStatus('live');
      this.options.onSlide(data);
    });
    source.addEventListener('deck', () => {
      if (source === this.source) this.options.onDeckChange?.();
    });
    for (const [name, handle] of Object.entries(this.options.on ?? {})) {
      source.addEventListener(name, (event) => {
        if (source === this.source && event instanceof MessageEvent && typeof event.data === 'string')
          handle(event.data);
      });
    }
    for (const name of ROOM_EVENTS) {
      source.addEventListener(name, (event) => {
        if (source === this.source && event instanceof MessageEvent && typeof event.data === 'string')
          roomBus.receive(name, event.data);
      });
    }
    source.addEventListener('error', () => {
      if (source !== this.source) return;
      if (source.readyState === EventSource.CLOSED) {
        void this.handleClosed(source.refusal);
        return;
      }
      this.setStatus(navigator.onLine ? 'reconnecting' : 'offline');
      this.stallTimer ??= setTimeout(() => {
        this.stallTimer = undefined;
        if (source === this.source) this.scheduleReopen();
      }, this.options.stallMs ?? 4000);
    });
  }

  /** The source gave up (a non-200 answer or a dropped request): learn why (`known`, else ask), then wait as told or back off. */
  private async handleClosed(known?: StreamRefusal | null): Promise<void> {
    this.close();
    const generation = this.generation;
    const url = this.openUrl;
    const refusal = known !== undefined ? known : url ? await probeStreamRefusal(url) : null;
    if (generation !== this.generation || url !== this.openUrl) return;
    if (!refusal) {
      this.scheduleReopen();
      return;
    }
    // The server said when to come back: not sooner, spread over a tenth more so a refused room does not return at once.
    this.refusal = refusal;
    this.status = 'waiting';
    this.host.requestUpdate();
    const delay = refusal.retryAfterS * 1000 * (1 + Math.random() * 0.1);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private scheduleReopen(): void {
    this.close();
    const offline = !navigator.onLine || this.attempt >= (this.options.offlineAfter ?? 3);
    this.setStatus(offline ? 'offline' : 'reconnecting');
    const delay = backoffDelay(this.attempt, {
      baseMs: this.options.baseDelayMs ?? 500,
      capMs: this.options.maxDelayMs ?? 15_000,
    });
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private close(): void {
    this.generation += 1;
    clearTimeout(this.retryTimer);
    clearTimeout(this.stallTimer);
    this.retryTimer = undefined;
    this.stallTimer = undefined;
    this.source?.close();
    this.source = null;
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.host.requestUpdate();
  }
}
