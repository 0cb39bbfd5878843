import type Router from '@koa/router';
import { z } from 'zod';
import { POLL_ID_PATTERN } from '../../deck/poll-fence.js';
import { PollCatalog } from '../../room/poll-catalog.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { readJson } from '../read-json.js';
import { spendRoom, type RoomLimits } from '../room-limits.js';
import { parseBody } from '../schemas.js';
import { viewerId } from '../viewer-id.js';

/** Largest vote body: `{"option":n}` needs a few bytes. */
const VOTE_BODY_LIMIT = 1024;
const voteBody = z.looseObject({ option: z.unknown() });

/** Votes in the polls written in decks; counted in memory and written in batches (PollTally). */
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
}
