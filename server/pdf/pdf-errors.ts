/** Why a PDF was refused; `status` is the HTTP status the API should answer with. */
export type PdfErrorCode = 'pdf_too_large' | 'pdf_unreadable' | 'pdf_encrypted' | 'pdf_render_timeout';

/** Base of the errors a PDF can be refused with; `message` is meant for the presenter. */
export abstract class PdfError extends Error {
  abstract readonly code: PdfErrorCode;
  abstract readonly status: 413 | 422;
}

/** Too many pages, or too big to render in memory (HTTP 413). */
export class PdfTooLargeError extends PdfError {
  override readonly name = 'PdfTooLargeError';
  readonly code = 'pdf_too_large';
  readonly status = 413;
}

/** Not a PDF, damaged beyond reading, or without pages (HTTP 422). */
export class PdfUnreadableError extends PdfError {
  override readonly name = 'PdfUnreadableError';
  readonly code = 'pdf_unreadable';
  readonly status = 422;
}

/** Needs a password to open (HTTP 422). */
export class PdfEncryptedError extends PdfError {
  override readonly name = 'PdfEncryptedError';
  readonly code = 'pdf_encrypted';
  readonly status = 422;
}

/** Rendering took longer than allowed (HTTP 413: the deck is too heavy to render). */
export class PdfRenderTimeoutError extends PdfError {
  override readonly name = 'PdfRenderTimeoutError';
  readonly code = 'pdf_render_timeout';
  readonly status = 413;
}

const BY_NAME = {
  PdfTooLargeError,
  PdfUnreadableError,
  PdfEncryptedError,
  PdfRenderTimeoutError,
} as const;

/** Rebuilds a typed error from its name and message (as sent across a worker boundary); null if unknown. */
export function pdfErrorFromName(name: string, message: string): PdfError | null {
  if (!Object.hasOwn(BY_NAME, name)) return null;
  return new BY_NAME[name as keyof typeof BY_NAME](message);
}
