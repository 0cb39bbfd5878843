import type Router from '@koa/router';
import type { AppDeps } from '../app-deps.js';
import { deckNotFound } from '../http-error.js';
import { deckIdFrom } from './deck-routes.js';

/** `GET /api/decks/:id/events`: the Server-Sent Events stream of one deck. */
export function registerEventRoutes(router: Router, deps: AppDeps): void {
  router.get('/api/decks/:id/events', async (ctx) => {
    const id = deckIdFrom(ctx);
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
