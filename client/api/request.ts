import type { SlideState } from '../../shared/protocol.js';
import { parseErrorBody } from '../../shared/validate.js';
import { serverTime } from '../state/server-time.js';

/** A failed API call: the server's error code and its sentence for people. Status 0 = network. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The deck's state now, sent with a 412. */
    readonly current?: SlideState,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls the API: JSON in, the parsed body out; any non-2xx becomes an ApiError with the server's code. */
export async function request(url: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection.');
  }
  serverTime.note(response.headers.get('Date'), sentAt, Date.now());
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = parseErrorBody(body);
    throw new ApiError(
      response.status,
      error?.error.code ?? `http_${response.status}`,
      error?.error.message ?? `The server answered ${response.status}. Please try again.`,
      error?.current,
    );
  }
  return body;
}

/** Returns `body` when `guard` accepts it; otherwise throws ApiError `bad_response`. */
export function narrow<T>(body: unknown, guard: (value: unknown) => value is T): T {
  if (!guard(body)) throw new ApiError(0, 'bad_response', 'The server sent an unexpected answer.');
  return body;
}
