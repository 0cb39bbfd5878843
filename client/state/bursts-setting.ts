/** Where this device keeps its choice of showing reaction bursts. */
const STORAGE_KEY = 'podium-bursts';

/** Whether this device shows reactions as bursts: on unless the person turned them off here. */
export function readBurstsSetting(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Remembers the choice on this device (a private window may refuse; then it lasts for the page). */
export function saveBurstsSetting(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Nothing to do: the page still honours the choice while it is open.
  }
}
