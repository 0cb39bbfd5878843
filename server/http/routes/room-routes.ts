import type Router from '@koa/router';
import { REACTION_NAMES, type AudienceResponse, type ReactionName } from '../../../shared/room-protocol.js';
import { addressKey } from '../../security/client-address.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { requirePresenter } from '../presenter-auth.js';
import { spend, type Guards } from '../rate-limit.js';
import { readJson } from '../read-json.js';
import { parseBody, presenceBody, reactionBody } from '../schemas.js';
import { viewerId } from '../viewer-id.js';

/** Largest reaction body: `{"reaction":"thumbs_up"}` needs a few bytes. */
const REACTION_LIMIT = 256;

/** The reaction name of `value`, or 422 `invalid_reaction` naming the accepted ones. */
function reactionName(value: string): ReactionName {
  const name = REACTION_NAMES.find((known) => known === value);
  if (name) return name;
  throw new HttpError(422, 'invalid_reaction', `reaction must be one of: ${REACTION_NAMES.join(', ')}.`);
}

/**
 * The room talking back: reactions (counted in memory, flushed in batches), presence reports
 * (`{"live": false}` while a viewer browses away from the live slide, renewed within a minute;
 * `{"live": true}` when back) and the audience counts. Audience writes share the reaction budgets.
 */
export function registerRoomRoutes(router: Router, deps: AppDeps, guards: Guards): void {
  router.post('/api/decks/:id/reactions', async (ctx) => {
    const id = deckIdFrom(ctx);
    spend(guards.reactionsPerAddress, addressKey(ctx.ip));
    spend(guards.reactionsPerViewer, viewerId(ctx));
    const body = parseBody(reactionBody, await readJson(ctx, REACTION_LIMIT));
    const name = reactionName(body.reaction);
    // From memory while the deck has streams here; otherwise one batched read.
    if (!(await deps.states.load(id))) throw deckNotFound();
    deps.room.reactions.tap(id, name);
    ctx.status = 202;
    ctx.body = {};
  });

  router.post('/api/decks/:id/presence', async (ctx) => {
    const id = deckIdFrom(ctx);
    spend(guards.reactionsPerAddress, addressKey(ctx.ip));
    const viewer = viewerId(ctx);
    spend(guards.reactionsPerViewer, viewer);
    const body = parseBody(presenceBody, await readJson(ctx, REACTION_LIMIT));
    if (!(await deps.states.load(id))) throw deckNotFound();
    deps.room.presence.browsing.report(id, viewer, body.live);
    ctx.status = 204;
  });

  router.get('/api/decks/:id/audience', async (ctx) => {
    const id = deckIdFrom(ctx);
    await requirePresenter(ctx, deps.store, id);
    const [presence, reactions] = await Promise.all([
      deps.room.presence.audience(id),
      deps.room.reactionStore.totals(id),
    ]);
    const response: AudienceResponse = { ...presence, reactions };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = response;
  });
}
