import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KeepAwakeVideo } from './keep-awake-video.js';

/**
 * Keeps the screen on while the host is connected: the Screen Wake Lock API where it exists;
 * where it is missing (plain http on a LAN address) a silent looping video (KeepAwakeVideo),
 * started on the first tap or key press. The browser drops either when the page is hidden,
 * so both are taken again on visibilitychange and on the next tap. `active` says honestly
 * whether the screen is held right now; `retry()` tries again after a user gesture.
 */
export class WakeLockController implements ReactiveController {
  /** True while the screen is held awake. */
  active = false;

  private sentinel: WakeLockSentinel | null = null;
  private readonly video = new KeepAwakeVideo((playing) => this.wanted && this.setActive(playing));
  private wanted = false;
  private requesting = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.wanted = true;
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    document.addEventListener('pointerdown', this.handleGesture, { capture: true });
    document.addEventListener('keydown', this.handleGesture, { capture: true });
    void this.acquire();
  }

  hostDisconnected(): void {
    this.wanted = false;
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    document.removeEventListener('pointerdown', this.handleGesture, { capture: true });
    document.removeEventListener('keydown', this.handleGesture, { capture: true });
    this.video.stop();
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
    else if (!('wakeLock' in navigator)) this.setActive(false);
  };

  private readonly handleGesture = (): void => {
    if (!this.active) void this.acquire();
  };

  private async acquire(): Promise<void> {
    if (!this.wanted || this.sentinel || this.requesting || document.visibilityState !== 'visible') return;
    if (!('wakeLock' in navigator)) {
      // A video plays only after a user gesture; before the first tap this stays false.
      this.requesting = true;
      const playing = await this.video.start();
      this.requesting = false;
      if (this.wanted) this.setActive(playing);
      return;
    }
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
    if (active === this.active) return;
    this.active = active;
    this.host.requestUpdate();
  }
}
