import type Router from '@koa/router';
import { normalizeShortText } from '../../../shared/normalize-text.js';
import type { Context } from 'koa';
import type { CreateKeyResponse, KeyListResponse } from '../../../shared/protocol.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http-error.js';
import { linkBase } from '../link-base.js';
import { requirePresenter } from '../presenter-auth.js';
import { spend, type Guards } from '../rate-limit.js';
import { hasBody, readJson } from '../read-json.js';
import { createKeyBody, keyIdParam, parseBody } from '../schemas.js';
import { deckIdFrom } from '../deck-id.js';
import { deckLinks } from '../deck-links.js';

/** Largest body of `POST /api/decks/:id/keys`: a label of 100 characters needs far less. */
const CREATE_KEY_LIMIT = 1024;

/** Label of a key minted without one. */
const DEFAULT_KEY_LABEL = 'Paired device';

function keyNotFound(): HttpError {
  return new HttpError(404, 'not_found', 'This deck has no live presenter key with that id.');
}

function keyIdFrom(ctx: Context): string {
  const parsed = keyIdParam.safeParse(ctx.params.keyId);
  if (!parsed.success) throw keyNotFound();
  return parsed.data;
}

/** Mint, list and revoke presenter keys; each needs a live key of the same deck. */
export function registerKeyRoutes(router: Router, deps: AppDeps, guards: Guards): void {
  const { store } = deps;

  router.post('/api/decks/:id/keys', async (ctx) => {
    const id = deckIdFrom(ctx);
    const keyId = await requirePresenter(ctx, store, id);
    spend(guards.writePerKey, keyId);
    // No body at all is fine: the key gets the default label.
    const body = parseBody(createKeyBody, hasBody(ctx) ? await readJson(ctx, CREATE_KEY_LIMIT) : {});
    // Check the Host before minting, so a refused request leaves no unused live key behind.
    const base = linkBase(ctx, deps.config);
    const minted = await store.keys.mint(
      id,
      normalizeShortText(body.label ?? '') || DEFAULT_KEY_LABEL,
      guards.maxKeysPerDeck,
    );
    if (minted.kind === 'too_many_keys') {
      throw new HttpError(
        409,
        'too_many_keys',
        `This deck already has ${guards.maxKeysPerDeck} live presenter keys; revoke one before pairing another device.`,
      );
    }
    const response: CreateKeyResponse = {
      id: minted.id,
      presenterKey: minted.key,
      label: minted.label,
      links: { remote: deckLinks(base, id, minted.key).remote },
    };
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = response;
  });

  router.get('/api/decks/:id/keys', async (ctx) => {
    const id = deckIdFrom(ctx);
    const current = await requirePresenter(ctx, store, id);
    const keys = await store.keys.list(id);
    const response: KeyListResponse = { keys: keys.map((key) => ({ ...key, current: key.id === current })) };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = response;
  });

  router.delete('/api/decks/:id/keys/:keyId', async (ctx) => {
    const id = deckIdFrom(ctx);
    const current = await requirePresenter(ctx, store, id);
    spend(guards.writePerKey, current);
    const result = await store.keys.revoke(id, keyIdFrom(ctx));
    if (result === 'not_found') throw keyNotFound();
    if (result === 'last_key') {
      throw new HttpError(
        409,
        'last_key',
        'That is the last live presenter key of this deck; pair another device before revoking it.',
      );
    }
    ctx.status = 204;
  });
}
