import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen on while the host is connected (Screen Wake Lock API). The browser
 * drops the lock whenever the page is hidden, so it is taken again on visibilitychange.
 * Where the API is missing or refused (insecure origin, no user gesture yet) it quietly
 * does nothing; call `retry()` after a user gesture.
 */
export class WakeLockController implements ReactiveController {
  /** True while the screen is held awake. */
  active = false;

  private sentinel: WakeLockSentinel | null = null;
  private wanted = false;
  private requesting = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.wanted = true;
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    void this.acquire();
  }

  hostDisconnected(): void {
    this.wanted = false;
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    const sentinel = this.sentinel;
    this.sentinel = null;
    this.active = false;
    void sentinel?.release().catch(() => undefined);
  }

  /** Tries again to take the lock, e.g. after a tap. */
  retry(): void {
    void this.acquire();
  }

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') void this.acquire();
  };

  private async acquire(): Promise<void> {
    if (!this.wanted || this.sentinel || this.requesting) return;
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    this.requesting = true;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      if (!this.wanted) {
        await sentinel.release();
        return;
      }
      this.sentinel = sentinel;
      this.setActive(true);
      sentinel.addEventListener('release', () => {
        if (this.sentinel !== sentinel) return;
        this.sentinel = null;
        this.setActive(false);
      });
    } catch {
      // Refused (not visible, insecure origin, battery saver): the next gesture retries.
    } finally {
      this.requesting = false;
    }
  }

  private setActive(active: boolean): void {
    this.active = active;
    this.host.requestUpdate();
  }
}
