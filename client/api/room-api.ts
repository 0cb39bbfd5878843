import type { AudienceResponse, ReactionName } from '../../shared/protocol.js';
import { isIndex, isRecord, parseErrorBody, parseReactionCounts } from '../../shared/validate.js';
import { ApiError, narrow, request } from './request.js';

const roomUrl = (id: string, path: string): string => `/api/decks/${encodeURIComponent(id)}/${path}`;

/** A refused audience write: the server's sentence and how long it asked to wait (429 Retry-After, in s). */
export class CooldownError extends ApiError {
  constructor(
    message: string,
    /** Seconds to wait before sending again; at least 1. */
    readonly retryAfterS: number,
  ) {
    super(429, 'rate_limited', message);
    this.name = 'CooldownError';
  }
}

/** POSTs JSON as this viewer (its cookie goes along); a 429 becomes a CooldownError, any other failure an ApiError. */
async function post(url: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection.');
  }
  if (response.ok) return;
  const error = parseErrorBody(await response.json().catch(() => null));
  const message = error?.error.message ?? `The server answered ${response.status}. Please try again.`;
  if (response.status === 429) {
    const retryAfterS = Math.max(1, Math.ceil(Number(response.headers.get('Retry-After'))) || 1);
    throw new CooldownError(message, retryAfterS);
  }
  throw new ApiError(response.status, error?.error.code ?? `http_${response.status}`, message);
}

/** `POST /api/decks/:id/reactions`: one tap of `reaction` (counted in batches by the server). */
export function sendReaction(id: string, reaction: ReactionName): Promise<void> {
  return post(roomUrl(id, 'reactions'), { reaction });
}

/** `POST /api/decks/:id/presence`: whether this viewer is on the live slide (`live`) or browsing away. */
export function reportPresence(id: string, live: boolean): Promise<void> {
  return post(roomUrl(id, 'presence'), { live });
}

function isAudience(value: unknown): value is AudienceResponse {
  return (
    isRecord(value) &&
    isIndex(value.viewers) &&
    isIndex(value.live) &&
    isIndex(value.browsing) &&
    parseReactionCounts(value.reactions) !== null
  );
}

/** `GET /api/decks/:id/audience` with the presenter key: the room over every process. */
export async function fetchAudience(id: string, key: string): Promise<AudienceResponse> {
  const body = await request(roomUrl(id, 'audience'), { headers: { Authorization: `Bearer ${key}` } });
  return narrow(body, isAudience);
}
