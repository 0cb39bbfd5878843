import type Router from '@koa/router';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound } from '../http-error.js';
import { requirePresenter } from '../presenter-auth.js';

/** `DELETE /api/decks/:id` with the presenter key: 204; its streams get a last `deck` event and close. */
export function registerDeckDeleteRoutes(router: Router, deps: AppDeps): void {
  router.delete('/api/decks/:id', async (ctx) => {
    const id = deckIdFrom(ctx);
    await requirePresenter(ctx, deps.store, id);
    if (!(await deps.store.removal.deleteDeck(id))) throw deckNotFound();
    // Gone at once for this process's new streams; the others hear the deletion's NOTIFY.
    deps.states.forget?.(id);
    ctx.status = 204;
  });
}
