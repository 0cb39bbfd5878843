const storageKey = (deckId: string): string => `podium:presenter-key:${deckId}`;

/**
 * The pairing link's key in the fragment (`#key=...`), or null. It is removed from the URL at
 * once (history.replaceState), so it stays out of history, bookmarks, screenshots and synced
 * browsers; it is spent anyway as soon as it is exchanged for this device's own key.
 */
export function takePairingLink(): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromFragment = params.get('key');
  if (!fromFragment) return null;
  params.delete('key');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return fromFragment;
}

/** The presenter key this device keeps for a deck (its device key), or null. */
export function savedPresenterKey(deckId: string): string | null {
  try {
    return localStorage.getItem(storageKey(deckId));
  } catch {
    return null;
  }
}

/** Keeps `key` on this device for `deckId`; with storage off (private mode) it lasts for this page only. */
export function savePresenterKey(deckId: string, key: string): void {
  try {
    localStorage.setItem(storageKey(deckId), key);
  } catch {
    // Storage can be off: the key still works for this page.
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

/** A new device key: 32 random bytes in base64url (43 characters); getRandomValues works on plain http too. */
export function newDeviceKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
