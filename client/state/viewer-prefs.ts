/** A viewer's own choices on this device, kept in localStorage (both default off). */
export type ViewerPref = 'reader' | 'letter-keys-off';

const storageKey = (pref: ViewerPref): string => `podium:${pref}`;

/** True when `pref` was switched on on this device; false by default or without storage. */
export function readPref(pref: ViewerPref): boolean {
  try {
    return localStorage.getItem(storageKey(pref)) === 'on';
  } catch {
    return false;
  }
}

/** Keeps `pref` on this device (without storage it lasts as long as the page). */
export function writePref(pref: ViewerPref, on: boolean): void {
  try {
    if (on) localStorage.setItem(storageKey(pref), 'on');
    else localStorage.removeItem(storageKey(pref));
  } catch {
    // Private mode: the choice holds for this page only.
  }
}
