import { parseErrorBody } from '../../shared/validate.js';

/** Why the server would not open a stream, and when it asked to be tried again. */
export interface StreamRefusal {
  /** 429 or 503. */
  status: number;
  /** `too_many_streams` or `rate_limited`. */
  code: string;
  /** Seconds from `Retry-After`; at least 1. */
  retryAfterS: number;
  /** What a viewer reads. */
  message: string;
}

/** What a viewer reads for a refusal; `seconds` is the wait. */
export function refusalMessage(status: number, code: string, seconds: number): string {
  if (status === 503) return `This talk is full on this server, retrying in ${seconds} s.`;
  if (code === 'too_many_streams')
    return `Too many viewers on your network are following this talk, retrying in ${seconds} s.`;
  return `Too many viewers are joining from your network at once, retrying in ${seconds} s.`;
}

/**
 * EventSource hides why a stream was refused. This asks once with fetch: a refusal (429 or
 * 503 with Retry-After) comes back as a StreamRefusal; anything else (a stream that now
 * opens, which is closed at once, or a network error) as null.
 */
export async function probeStreamRefusal(url: string): Promise<StreamRefusal | null> {
  const abort = new AbortController();
  try {
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream' },
      cache: 'no-store',
      signal: abort.signal,
    });
    const header = response.headers.get('Retry-After');
    if ((response.status !== 429 && response.status !== 503) || header === null) return null;
    const retryAfterS = Math.max(1, Math.ceil(Number(header)) || 1);
    const code = parseErrorBody(await response.json().catch(() => null))?.error.code ?? `http_${response.status}`;
    return { status: response.status, code, retryAfterS, message: refusalMessage(response.status, code, retryAfterS) };
  } catch {
    return null;
  } finally {
    abort.abort();
  }
}
