/** The deck id in a page path (`/d/:id`, `/d/:id/remote`, `/d/:id/present` or `/d/:id/report`); null on any other path. */
export function deckIdFromPath(pathname: string): string | null {
  const match = /^\/d\/([^/]+)(?:\/remote|\/present|\/report)?\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The audience page of a deck, as a path. */
export function audiencePath(deckId: string): string {
  return `/d/${encodeURIComponent(deckId)}`;
}

/** The projector window of a deck: the audience view following live, without controls. */
export function projectorPath(deckId: string): string {
  return `${audiencePath(deckId)}?projector`;
}

/** The presenter view of a deck (laptop), as a path. */
export function presenterPath(deckId: string): string {
  return `/d/${encodeURIComponent(deckId)}/present`;
}

/** A talk code, or a pasted audience/remote link, as a deck id; null when empty. */
export function talkCode(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const fromUrl = deckIdFromPath(new URL(text).pathname);
    if (fromUrl) return fromUrl.toLowerCase();
  } catch {
    // Not a URL: a bare code.
  }
  // Codes are lowercase; one typed in capitals (or with autocapitalization) is the same code.
  return (deckIdFromPath(text) ?? text.replace(/^\/+|\/+$/g, '')).toLowerCase();
}
