import type { DeckLinks } from '../../shared/protocol.js';

/** Links to share: the audience page, and the remote with the presenter key in its fragment (never sent to servers). */
export function deckLinks(base: string, deckId: string, presenterKey: string): DeckLinks {
  return {
    audience: `${base}/d/${deckId}`,
    remote: `${base}/d/${deckId}/remote#key=${encodeURIComponent(presenterKey)}`,
  };
}
