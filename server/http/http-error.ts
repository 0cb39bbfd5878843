import type { ErrorCode, SlideState } from '../../shared/protocol.js';

/** An error meant for the client: a status, a stable code and a sentence a person understands. */
export class HttpError extends Error {
  constructor(
    /** HTTP status to answer with. */
    readonly status: number,
    /** Stable snake_case code for programs. */
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers (`Retry-After`, `Allow`, ...). */
    readonly headers: Record<string, string> = {},
    /** Current state, sent beside a 412 so the client can resync without another request. */
    readonly current?: SlideState,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 404 for a deck id that does not exist (or could not exist). */
export function deckNotFound(): HttpError {
  return new HttpError(404, 'not_found', 'There is no deck with that code. Check the link or the code and try again.');
}
