const timerKey = (deckId: string): string => `podium:timer-start:${deckId}`;

/** When this tab's timer for a deck started (kept across reloads in sessionStorage), starting it if new or `restart`. */
export function timerStart(deckId: string, restart = false): number {
  const now = Date.now();
  try {
    const saved = Number(sessionStorage.getItem(timerKey(deckId)));
    if (saved > 0 && !restart) return saved;
    sessionStorage.setItem(timerKey(deckId), String(now));
  } catch {
    // No storage: the timer restarts with the page.
  }
  return now;
}
