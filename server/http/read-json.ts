import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { HttpError } from './http-error.js';
import { contentLengthHeader } from './schemas.js';

/** Reads the request body as JSON, enforcing `application/json` and a byte limit. Returns `unknown`. */
export async function readJson(ctx: Context, limitBytes: number): Promise<unknown> {
  if (!ctx.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  const declared = contentLengthHeader.safeParse(ctx.get('Content-Length'));
  if (!declared.success) throw new HttpError(400, 'bad_request', 'Content-Length must be a whole number of bytes.');
  if (declared.data !== undefined && declared.data > limitBytes) throw tooLarge(limitBytes);
  let text: string;
  try {
    text = await getRawBody(ctx.req, { limit: limitBytes, encoding: 'utf8', length: declared.data });
  } catch (err) {
    // raw-body stopped reading and paused the request: Node would neither read the rest nor
    // free the connection. Discard what still comes and close the connection after the answer.
    ctx.set('Connection', 'close');
    ctx.req.resume();
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.too.large') throw tooLarge(limitBytes);
    if (type === 'encoding.unsupported') {
      throw new HttpError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    }
    throw new HttpError(400, 'bad_request', 'The request body could not be read completely.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'malformed_json', 'The body is not valid JSON.');
  }
}

/** True when the request carries a body (a non-zero Content-Length or a chunked one). */
export function hasBody(ctx: Context): boolean {
  const length = contentLengthHeader.safeParse(ctx.get('Content-Length'));
  return ctx.get('Transfer-Encoding') !== '' || !length.success || (length.data ?? 0) > 0;
}

function tooLarge(limitBytes: number): HttpError {
  const size = limitBytes >= 1024 * 1024 ? `${limitBytes / (1024 * 1024)} MiB` : `${limitBytes} bytes`;
  return new HttpError(413, 'payload_too_large', `The body is larger than the ${size} this endpoint accepts.`);
}
