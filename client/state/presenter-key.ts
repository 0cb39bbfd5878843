const storageKey = (deckId: string): string => `podium:presenter-key:${deckId}`;

/**
 * The presenter key for a deck. A key in the fragment (`#key=...`) wins: it is saved in
 * localStorage for this deck and removed from the visible URL (history.replaceState), so
 * it does not end up in screenshots, bookmarks or shared links. Otherwise the saved key,
 * or null.
 */
export function takePresenterKey(deckId: string): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromFragment = params.get('key');
  if (fromFragment) {
    params.delete('key');
    const rest = params.toString();
    const url = `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`;
    history.replaceState(history.state, '', url);
    try {
      localStorage.setItem(storageKey(deckId), fromFragment);
    } catch {
      // Storage can be off (private mode): the key still works for this page.
    }
    return fromFragment;
  }
  try {
    return localStorage.getItem(storageKey(deckId));
  } catch {
    return null;
  }
}

/** Forgets the saved key of a deck (after the server said it is wrong). */
export function forgetPresenterKey(deckId: string): void {
  try {
    localStorage.removeItem(storageKey(deckId));
  } catch {
    // Nothing saved, nothing to forget.
  }
}
