import { DeckRenderTimeoutError, DeckTooLargeError } from '../deck/deck-renderer.js';
import { PdfError } from '../pdf/pdf-errors.js';
import { HttpError } from './http-error.js';

/**
 * Runs a deck render and turns its budget and format refusals into answers: a deck over the
 * size budget is 413, one that took too long to render is 422, a PDF refused by the
 * renderer keeps its own status and code (413 too large or too slow, 422 unreadable or
 * password-protected). Anything else passes through.
 */
export async function withRenderErrors<T>(render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof DeckTooLargeError) throw new HttpError(413, 'payload_too_large', err.message);
    if (err instanceof DeckRenderTimeoutError) throw new HttpError(422, 'render_timeout', err.message);
    if (err instanceof PdfError) throw new HttpError(err.status, err.code, err.message);
    throw err;
  }
}
