/** When the second list of loaded files goes to the worker, in ms. */
const SECOND_PASS_MS = 5000;

/**
 * On a secure origin (https, or localhost), registers Podium's service worker (`/sw.js`) and
 * hands it what this page loaded before the worker took over (and `extra` URLs), so the page, its code, styles,
 * fonts, the deck and its images stay usable offline. Resolves true once they are kept; false
 * where that is not possible (plain http at a LAN address), and the page works online as before.
 */
export async function keepOfflineCopy(extra: readonly string[] = []): Promise<boolean> {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return false;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return false;
    const loaded = () => [
      location.pathname,
      ...extra,
      ...performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => url.startsWith(location.origin)),
    ];
    const kept = new Promise<boolean>((resolve) => {
      const onMessage = (event: MessageEvent<unknown>) => {
        const data = event.data;
        if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'kept') return;
        navigator.serviceWorker.removeEventListener('message', onMessage);
        resolve(true);
      };
      navigator.serviceWorker.addEventListener('message', onMessage);
    });
    worker.postMessage({ type: 'keep', urls: loaded() });
    // Requests still in flight at the first pass (images fetched ahead) are kept by a second one.
    setTimeout(() => worker.postMessage({ type: 'keep', urls: loaded() }), SECOND_PASS_MS);
    return await kept;
  } catch {
    return false;
  }
}
