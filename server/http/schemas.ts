import { z } from 'zod';
import { DECK_ID_PATTERN } from '../../shared/deck-rules.js';
import { MAX_TITLE_LENGTH } from '../deck/parse-deck.js';
import { HttpError } from './http-error.js';

/** Body of `POST /api/decks`. */
export const createDeckBody = z.strictObject({
  markdown: z.string(),
  title: z.string().max(MAX_TITLE_LENGTH).optional(),
});

/** Body of `PUT /api/decks/:id/slide`: only the object shape; index and step are checked separately (422). */
export const setSlideBody = z.looseObject({ index: z.unknown().optional(), step: z.unknown().optional() });

/** Deck ids in URLs: generated codes and slugs of served files. */
export const deckIdParam = z.string().regex(DECK_ID_PATTERN);

/** Key ids in URLs: the positive integers the store hands out, in canonical form. */
export const keyIdParam = z.string().regex(/^[1-9][0-9]{0,14}$/);

/** Longest presenter-key label kept, in characters. */
export const MAX_KEY_LABEL_LENGTH = 100;

/** Body of `POST /api/decks/:id/keys`: an optional label, trimmed, without control characters. */
export const createKeyBody = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1)
    .max(MAX_KEY_LABEL_LENGTH)
    .regex(/^[^\p{Cc}]*$/u, 'a label may not hold control characters')
    .optional(),
});

/** Body of `POST /api/decks/:id/keys/exchange`: the device key the device chose, 256 random bits in base64url. */
export const exchangeKeyBody = z.strictObject({
  deviceKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a device key is 43 base64url characters (32 random bytes)'),
});

/** `Authorization: Bearer <token>`: the token (up to 1024 visible characters). */
export const bearerHeader = z
  .string()
  .regex(/^Bearer[ \t]+\S{1,1024}[ \t]*$/i)
  .transform((header) => header.replace(/^Bearer[ \t]+/i, '').trim());

/** A presenter key as minted (base64url); longer ones are still just wrong keys, never errors. */
export const presenterKeyToken = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/);

/** `If-Match`: empty or `*` (no condition), else the version in quotes, optionally weak: `"7"`, `W/"7"`. */
export const ifMatchHeader = z.union([
  z.enum(['', '*']).transform(() => undefined),
  z
    .string()
    .regex(/^(?:W\/)?"?\d{1,9}"?$/)
    .transform((value) => Number(value.replace(/\D/g, ''))),
]);

/** `Content-Length`: absent (undefined) or a byte count (Node has already refused malformed ones). */
export const contentLengthHeader = z.union([
  z.literal('').transform(() => undefined),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);

/** `Host` (or the forwarded host behind a trusted proxy): a name or address with an optional port. */
export const hostHeader = z
  .string()
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/);

/** `POST .../reactions`: the name is checked against the list apart, so an unknown one is 422, not 400. */
export const reactionBody = z.looseObject({ reaction: z.string().max(64) });

/** `POST .../presence`: whether the viewer is on the live slide. */
export const presenceBody = z.looseObject({ live: z.boolean() });

/** Parses `value` with `schema` or throws a 400 that names the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at "${issue.path.join('.')}")` : '';
  throw new HttpError(
    400,
    'invalid_body',
    `The request body is not what this endpoint expects: ${issue?.message ?? 'invalid'}${where}.`,
  );
}
