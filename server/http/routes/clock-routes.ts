import type Router from '@koa/router';
import { z } from 'zod';
import type { ClockRequest, ClockResponse } from '../../../shared/protocol.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { requirePresenter } from '../presenter-auth.js';
import { spend, type Guards } from '../rate-limit.js';
import { readJson } from '../read-json.js';
import { parseBody } from '../schemas.js';
import { parseIfMatch } from './deck-routes.js';

/** Largest clock body: `{"action":"set_duration","durationMinutes":35}` needs a few bytes. */
const CLOCK_BODY_LIMIT = 1024;
/** Longest target duration: a day. */
const MAX_DURATION_MINUTES = 24 * 60;

const clockBody = z.looseObject({
  action: z.enum(['start', 'start_over', 'set_duration']),
  durationMinutes: z.unknown().optional(),
});

/** The target of a set_duration body: 1 to 1440 minutes, or null for none; 422 otherwise. */
function durationFrom(body: { durationMinutes?: unknown }): number | null {
  const value = body.durationMinutes;
  if (value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= MAX_DURATION_MINUTES) return value;
  throw new HttpError(
    422,
    'invalid_duration',
    `durationMinutes must be a number of minutes from 1 to ${MAX_DURATION_MINUTES}, or null for no target.`,
  );
}

/** The talk clock: start it, start the talk over (first slide, clock stopped), set its target. */
export function registerClockRoutes(router: Router, deps: AppDeps, guards: Guards): void {
  const { store } = deps;

  router.post('/api/decks/:id/clock', async (ctx) => {
    const id = deckIdFrom(ctx);
    spend(guards.putPerKey, await requirePresenter(ctx, store, id));
    const body = parseBody(clockBody, await readJson(ctx, CLOCK_BODY_LIMIT));
    const expected = parseIfMatch(ctx.get('If-Match'));
    const action: ClockRequest['action'] = body.action;
    const duration = action === 'set_duration' ? durationFrom(body) : null;
    const result = await store.clock.change(id, action, duration, expected);
    if (result.kind === 'not_found') throw deckNotFound();
    if (result.kind === 'version_mismatch') {
      const { index, step, version } = result.current;
      throw new HttpError(
        412,
        'version_mismatch',
        `The deck moved on (it is at version ${version}); reload its state and try again.`,
        { ETag: `"${version}"` },
        { index, step, version },
      );
    }
    if (result.kind === 'changed') deps.states.remember?.(id, result.state);
    const { index, step, version, clock } = result.state;
    const response: ClockResponse = {
      index,
      step,
      version,
      clock: clock ?? { startedAt: null, durationMinutes: null },
    };
    ctx.set('ETag', `"${version}"`);
    ctx.body = response;
  });
}
