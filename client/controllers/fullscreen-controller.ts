import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Full screen for the host element, and an `idle` flag that turns on `idleMs` (default
 * 2.5 s) after the last pointer move, tap or focus while in full screen, so the host can
 * hide its controls. The host re-renders when either changes.
 */
export class FullscreenController implements ReactiveController {
  /** True while the host element is the full-screen element. */
  fullscreen = false;
  /** True when nothing moved for `idleMs` in full screen. */
  idle = false;

  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly idleMs = 2500,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.handleFullscreenChange);
    this.host.addEventListener('pointermove', this.handleActivity);
    this.host.addEventListener('pointerdown', this.handleActivity);
    this.host.addEventListener('focusin', this.handleActivity);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.handleFullscreenChange);
    this.host.removeEventListener('pointermove', this.handleActivity);
    this.host.removeEventListener('pointerdown', this.handleActivity);
    this.host.removeEventListener('focusin', this.handleActivity);
    clearTimeout(this.idleTimer);
  }

  /** Enters full screen, or leaves it when the page is in full screen. */
  toggle(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void this.host.requestFullscreen().catch(() => undefined);
  }

  private readonly handleFullscreenChange = (): void => {
    this.fullscreen = document.fullscreenElement === this.host;
    this.host.requestUpdate();
    this.handleActivity();
  };

  private readonly handleActivity = (): void => {
    this.setIdle(false);
    clearTimeout(this.idleTimer);
    if (this.fullscreen) this.idleTimer = setTimeout(() => this.setIdle(true), this.idleMs);
  };

  private setIdle(idle: boolean): void {
    if (idle === this.idle) return;
    this.idle = idle;
    this.host.requestUpdate();
  }
}
