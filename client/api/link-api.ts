import type { LinkBaseChoice, LinkBasesResponse } from '../../shared/protocol.js';
import { isRecord } from '../../shared/validate.js';
import { narrow, request } from './request.js';

function isChoice(value: unknown): value is LinkBaseChoice {
  return (
    isRecord(value) &&
    typeof value.base === 'string' &&
    typeof value.address === 'string' &&
    typeof value.name === 'string' &&
    (value.family === 'IPv4' || value.family === 'IPv6')
  );
}

function isLinkBases(value: unknown): value is LinkBasesResponse {
  return (
    isRecord(value) &&
    typeof value.base === 'string' &&
    (value.source === 'public_url' || value.source === 'lan' || value.source === 'request') &&
    Array.isArray(value.choices) &&
    value.choices.every(isChoice)
  );
}

/** `GET /api/link-bases`: the address links use and the machine's others a presenter may pick. */
export async function fetchLinkBases(): Promise<LinkBasesResponse> {
  return narrow(await request('/api/link-bases'), isLinkBases);
}

/** `url` (a link the server returned) at `base` instead of its own origin; its path and fragment stay. */
export function rebaseLink(url: string, base: string): string {
  const parsed = new URL(url);
  return `${base}${parsed.pathname}${parsed.search}${parsed.hash}`;
}
