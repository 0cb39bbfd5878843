import type Router from '@koa/router';
import { z } from 'zod';
import type { RoomSettings, RoomSettingsResponse } from '../../../shared/protocol.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { requirePresenter } from '../presenter-auth.js';
import { spend, type Guards } from '../rate-limit.js';
import { readJson } from '../read-json.js';
import { parseBody } from '../schemas.js';

/** Largest settings body: `{"browse":"behind","bursts":false}` needs a few bytes. */
const SETTINGS_BODY_LIMIT = 1024;

/** Any JSON object: the settings in it are checked apart, so a wrong value is 422, not 400. */
const settingsBody = z.record(z.string(), z.unknown());

/** The settings `body` asks for; 422 `invalid_setting` naming what is wrong. */
function wantedSettings(body: Record<string, unknown>): Partial<RoomSettings> {
  const unknown = Object.keys(body).find((key) => key !== 'browse' && key !== 'bursts');
  if (unknown !== undefined) {
    throw new HttpError(
      422,
      'invalid_setting',
      `There is no setting "${unknown.slice(0, 40)}": give browse, bursts or both.`,
    );
  }
  const wanted: Partial<RoomSettings> = {};
  if (body.browse !== undefined) {
    if (body.browse !== 'free' && body.browse !== 'behind') {
      throw new HttpError(422, 'invalid_setting', 'browse must be "free" or "behind" (no reading ahead).');
    }
    wanted.browse = body.browse;
  }
  if (body.bursts !== undefined) {
    if (typeof body.bursts !== 'boolean') {
      throw new HttpError(422, 'invalid_setting', 'bursts must be true (reactions float up on every screen) or false.');
    }
    wanted.bursts = body.bursts;
  }
  if (wanted.browse === undefined && wanted.bursts === undefined) {
    throw new HttpError(422, 'invalid_setting', 'Give browse ("free" or "behind"), bursts (true or false), or both.');
  }
  return wanted;
}

/**
 * `PATCH /api/decks/:id/settings` (presenter key): the room settings, live. A change grows the
 * deck's version and reaches every screen on every process as a `slide` event.
 */
export function registerSettingsRoutes(router: Router, deps: AppDeps, guards: Guards): void {
  router.patch('/api/decks/:id/settings', async (ctx) => {
    const id = deckIdFrom(ctx);
    spend(guards.putPerKey, await requirePresenter(ctx, deps.store, id));
    const wanted = wantedSettings(parseBody(settingsBody, await readJson(ctx, SETTINGS_BODY_LIMIT)));
    const result = await deps.store.settings.change(id, wanted);
    if (result.kind === 'not_found') throw deckNotFound();
    // Read-after-write: a stream opened after this answer starts with these settings.
    if (result.kind === 'changed') deps.states.remember?.(id, result.state);
    const { index, step, version } = result.state;
    const response: RoomSettingsResponse = { ...result.settings, index, step, version };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = response;
  });
}
