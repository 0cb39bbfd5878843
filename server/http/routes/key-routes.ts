import type Router from '@koa/router';
import { normalizeShortText } from '../../../shared/normalize-text.js';
import type { Context } from 'koa';
import type { CreateKeyResponse, ExchangeKeyResponse, KeyListResponse } from '../../../shared/protocol.js';
import type { ExchangeResult } from '../../store/key-exchange.js';
import { DEFAULT_LINK_LABEL, pairedDeviceLabel } from '../device-label.js';
import type { AppDeps } from '../app-deps.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { linkBase } from '../link-base.js';
import { bearerToken, requirePresenter } from '../presenter-auth.js';
import { spend, type Guards } from '../rate-limit.js';
import { hasBody, readJson } from '../read-json.js';
import { createKeyBody, exchangeKeyBody, keyIdParam, parseBody, presenterKeyToken } from '../schemas.js';
import { deckIdFrom } from '../deck-id.js';
import { deckLinks } from '../deck-links.js';

/** Largest body of `POST /api/decks/:id/keys`: a label of 100 characters needs far less. */
const CREATE_KEY_LIMIT = 1024;

/** Largest body of `POST /api/decks/:id/keys/exchange`: one 43-character key. */
const EXCHANGE_LIMIT = 1024;

/** How to pair a device once a link is spent, for every message that says so. */
const HOW_TO_PAIR =
  'To pair another device, tap “Pair another device” on a remote that is paired and scan its new code ' +
  '(for a talk served by npm start, a restart also prints a new link).';

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
      normalizeShortText(body.label ?? '') || DEFAULT_LINK_LABEL,
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

  // Opening a remote link: its key (Bearer) becomes the device key in the body, once.
  router.post('/api/decks/:id/keys/exchange', async (ctx) => {
    const id = deckIdFrom(ctx);
    const token = bearerToken(ctx);
    const body = parseBody(exchangeKeyBody, await readJson(ctx, EXCHANGE_LIMIT));
    const linkKey = presenterKeyToken.safeParse(token).success ? token : '';
    const userAgent = ctx.get('User-Agent');
    const result = await store.keys.exchange(id, linkKey, body.deviceKey, (label) =>
      pairedDeviceLabel(label, userAgent),
    );
    if (result.kind !== 'paired') throw exchangeRefused(result, ctx.get('Authorization') === '');
    const response: ExchangeKeyResponse = { id: result.id, label: result.label };
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

/** Why a pairing link was not exchanged, as the contract's error. */
function exchangeRefused(result: Exclude<ExchangeResult, { kind: 'paired' }>, noHeader: boolean): HttpError {
  switch (result.kind) {
    case 'no_deck':
      return deckNotFound();
    case 'used': {
      const when = `${result.usedAt.slice(0, 10)} at ${result.usedAt.slice(11, 16)} UTC`;
      const what = result.device ? `to pair “${result.device}”` : 'to pair a device (since revoked)';
      return new HttpError(
        410,
        'pairing_link_used',
        `This pairing link was already used ${what} on ${when}. A link pairs one device only, so a copy of it ` +
          `(in history, a screenshot or a synced browser) cannot drive the talk. ${HOW_TO_PAIR}`,
      );
    }
    case 'device_key':
      return new HttpError(
        409,
        'not_a_pairing_link',
        'That key belongs to a paired device, not to a pairing link: it cannot pair another one. ' + HOW_TO_PAIR,
      );
    case 'key_taken':
      return new HttpError(409, 'device_key_taken', 'That device key is already in use; make a new one and try again.');
    case 'invalid':
      return noHeader
        ? new HttpError(401, 'missing_key', 'Pairing needs the link’s key: send Authorization: Bearer <key>.', {
            'WWW-Authenticate': 'Bearer realm="podium"',
          })
        : new HttpError(
            401,
            'invalid_key',
            `That pairing link is not valid for this deck (wrong, or revoked). ${HOW_TO_PAIR}`,
            {
              'WWW-Authenticate': 'Bearer realm="podium", error="invalid_token"',
            },
          );
  }
}
