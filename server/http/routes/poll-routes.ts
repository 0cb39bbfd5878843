import type Router from '@koa/router';
import { z } from 'zod';
import { POLL_ID_PATTERN } from '../../deck/poll-fence.js';
import { PollCatalog } from '../../room/poll-catalog.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { readJson } from '../read-json.js';
import { requirePresenter } from '../presenter-auth.js';
import type { PollControlResponse } from '../../../shared/room-protocol.js';
import { spendRoom, type RoomLimits } from '../room-limits.js';
import { parseBody } from '../schemas.js';
import { viewerId } from '../viewer-id.js';

/** Largest vote body: `{"option":n}` needs a few bytes. */
const VOTE_BODY_LIMIT = 1024;
const voteBody = z.looseObject({ option: z.unknown() });
const controlBody = z
  .looseObject({ open: z.boolean().optional(), revealed: z.boolean().optional() })
  .refine((body) => body.open !== undefined || body.revealed !== undefined, {
    message: 'Send "open" or "revealed" (true or false).',
  });

/** Votes in the polls written in decks (counted in memory and written in batches, PollTally), and the presenter's poll controls. */
export function registerPollRoutes(router: Router, deps: AppDeps, limits: RoomLimits): void {
  const catalog = new PollCatalog(deps.store);

  router.post('/api/decks/:id/polls/:pollId/votes', async (ctx) => {
    const id = deckIdFrom(ctx);
    const pollId = String(ctx.params.pollId ?? '');
    const viewer = viewerId(ctx);
    const body = parseBody(voteBody, await readJson(ctx, VOTE_BODY_LIMIT));
    spendRoom(ctx, limits, limits.votePerViewer, viewer);
    const poll = POLL_ID_PATTERN.test(pollId) ? await catalog.find(id, pollId) : null;
    if (!poll) {
      if (!(await deps.store.getSlideState(id))) throw deckNotFound();
      throw new HttpError(404, 'not_found', 'This deck has no poll with that id.');
    }
    if (!poll.open) throw new HttpError(409, 'poll_closed', 'This poll is closed: the presenter stopped the voting.');
    const option = body.option;
    if (typeof option !== 'number' || !Number.isInteger(option) || option < 0 || option >= poll.options.length) {
      throw new HttpError(
        422,
        'invalid_option',
        `option must be a whole number from 0 to ${poll.options.length - 1}: this poll has ${poll.options.length} options.`,
      );
    }
    deps.tally.vote(id, pollId, poll.options.length, viewer, option);
    ctx.status = 202;
    ctx.body = { poll: pollId, option };
  });

  router.patch('/api/decks/:id/polls/:pollId', async (ctx) => {
    const id = deckIdFrom(ctx);
    const pollId = String(ctx.params.pollId ?? '');
    await requirePresenter(ctx, deps.store, id);
    const body = parseBody(controlBody, await readJson(ctx, VOTE_BODY_LIMIT));
    const poll = POLL_ID_PATTERN.test(pollId) ? await catalog.find(id, pollId) : null;
    if (!poll) throw new HttpError(404, 'not_found', 'This deck has no poll with that id.');
    // Votes this process holds go in before a close, so the stored results are complete.
    if (body.open === false) await deps.tally.flushPoll(id, pollId);
    const tally = await deps.store.polls.flush(id, pollId, poll.options.length, [], body);
    catalog.update(id, pollId, tally.open);
    const response: PollControlResponse = { poll: tally };
    ctx.body = response;
  });
}
