/** The deck id in a page path (`/d/:id` or `/d/:id/remote`); null on any other path. */
export function deckIdFromPath(pathname: string): string | null {
  const match = /^\/d\/([^/]+)(?:\/remote)?\/?$/.exec(pathname);
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
