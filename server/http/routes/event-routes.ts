import type Router from '@koa/router';
import type { ServerResponse } from 'node:http';
import { SSE_HEADERS } from '../../hub/sse-frame.js';
import { addressKey } from '../../security/client-address.js';
import type { AppDeps } from '../app-deps.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { tooManyRequests, type Guards } from '../rate-limit.js';
import { deckIdFrom } from './deck-routes.js';

/** Seconds a refused viewer is asked to wait before reconnecting. */
const STREAM_RETRY_AFTER_S = 5;

/** `GET /api/decks/:id/events`: the Server-Sent Events stream of one deck, within the stream caps. */
export function registerEventRoutes(router: Router, deps: AppDeps, guards: Guards): void {
  router.get('/api/decks/:id/events', async (ctx) => {
    const id = deckIdFrom(ctx);
    if (ctx.method === 'HEAD') {
      // A HEAD gets the stream's headers and no stream: holding it open would stall the connection.
      if (!(await deps.states.load(id))) throw deckNotFound();
      ctx.status = 200;
      ctx.set({ ...SSE_HEADERS, Connection: 'close' });
      ctx.body = '';
      return;
    }
    const release = guards.streams.acquire(addressKey(ctx.ip));
    if (release === 'process') {
      throw new HttpError(
        503,
        'too_many_streams',
        'This server is following as many viewers as it can; try again shortly.',
        {
          'Retry-After': String(STREAM_RETRY_AFTER_S),
        },
      );
    }
    if (release === 'address') {
      throw tooManyRequests(
        'too_many_streams',
        STREAM_RETRY_AFTER_S,
        'Too many open streams from your network; close some tabs and try again.',
      );
    }
    // The response closes when the stream ends, the client leaves or an error was answered.
    ctx.res.once('close', release);
    // Koa steps aside once the stream starts: the raw response carries it, unbuffered and uncompressed.
    const opened = await openStream(deps, id, ctx.res, () => (ctx.respond = false));
    if (opened === 'not_found') throw deckNotFound();
  });
}

/** What became of `openStream`: started, the client left first, or no such deck. */
export type OpenedStream = 'started' | 'gone' | 'not_found';

/**
 * Registers a stream of deck `id` on `res`, reads the deck's state and starts the stream;
 * `beforeStart` runs just before the first byte. Register first, read second: a change
 * committed in between reaches the stream either way. A stream that cannot start is
 * deregistered and leaves `res` untouched, for an error answer; a failed read rethrows.
 */
export async function openStream(
  deps: AppDeps,
  id: string,
  res: ServerResponse,
  beforeStart: () => void,
): Promise<OpenedStream> {
  const stream = deps.hub.open(id, res);
  let state;
  try {
    state = await deps.states.load(id);
  } catch (err) {
    stream.end();
    throw err;
  }
  if (!state) {
    stream.end();
    return 'not_found';
  }
  if (stream.isClosed) return 'gone';
  beforeStart();
  res.socket?.setTimeout(0);
  res.socket?.setNoDelay(true);
  stream.start(state);
  return 'started';
}
