import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../deck/parse-deck.js';
import { HttpError } from './http-error.js';

/** Body of `POST /api/decks`. */
export const createDeckBody = z.strictObject({
  markdown: z.string(),
  title: z.string().max(MAX_TITLE_LENGTH).optional(),
});

/** Body of `PUT /api/decks/:id/slide`: only the object shape; the index is checked separately (422). */
export const setSlideBody = z.looseObject({ index: z.unknown().optional() });

/** Deck ids in URLs: generated codes and slugs of served files. */
export const deckIdParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Parses `value` with `schema` or throws a 400 that names the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at "${issue.path.join('.')}")` : '';
  throw new HttpError(400, 'invalid_body', `The request body is not what this endpoint expects: ${issue?.message ?? 'invalid'}${where}.`);
}
