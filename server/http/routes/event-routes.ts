import type Router from '@koa/router';
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
      throw new HttpError(503, 'too_many_streams', 'This server is following as many viewers as it can; try again shortly.', {
        'Retry-After': String(STREAM_RETRY_AFTER_S),
      });
    }
    if (release === 'address') {
      throw tooManyRequests('too_many_streams', STREAM_RETRY_AFTER_S, 'Too many open streams from your network; close some tabs and try again.');
    }
    // The response closes when the stream ends, the client leaves or an error was answered.
    ctx.res.once('close', release);
    // Register first, read second: a change committed in between reaches the stream either way.
    const stream = deps.hub.open(id, ctx.res);
    let state;
    try {
      state = await deps.states.load(id);
    } catch (err) {
      stream.end();
      throw err;
    }
    if (!state) {
      stream.end();
      throw deckNotFound();
    }
    if (stream.isClosed) return;
    // Koa steps aside: the raw response carries the stream, with no buffering or compression.
    ctx.respond = false;
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    stream.start(state);
  });
}
