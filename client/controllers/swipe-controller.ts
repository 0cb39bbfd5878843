import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which way the finger moved. */
export type SwipeDirection = 'left' | 'right';

/** Options of `SwipeController`; defaults: 48 px, 800 ms. */
export interface SwipeOptions {
  /** Shortest horizontal travel that counts as a swipe. */
  minDistance?: number;
  /** Longest a swipe may take. */
  maxDurationMs?: number;
}

/**
 * Horizontal touch/pen swipes anywhere on the host. Mostly-vertical moves stay scrolls.
 * The host needs `touch-action: pan-y` (CSS) so the browser leaves sideways moves to us.
 */
export class SwipeController implements ReactiveController {
  private start: { id: number; x: number; y: number; time: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onSwipe: (direction: SwipeDirection) => void,
    private readonly options: SwipeOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.handlePointerDown);
    this.host.addEventListener('pointerup', this.handlePointerUp);
    this.host.addEventListener('pointercancel', this.handlePointerCancel);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.handlePointerDown);
    this.host.removeEventListener('pointerup', this.handlePointerUp);
    this.host.removeEventListener('pointercancel', this.handlePointerCancel);
  }

  private readonly handlePointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    this.start = { id: event.pointerId, x: event.clientX, y: event.clientY, time: event.timeStamp };
  };

  private readonly handlePointerUp = (event: PointerEvent): void => {
    const start = this.start;
    this.start = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    const quick = event.timeStamp - start.time <= (this.options.maxDurationMs ?? 800);
    if (quick && Math.abs(dx) >= (this.options.minDistance ?? 48) && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      this.onSwipe(dx < 0 ? 'left' : 'right');
    }
  };

  private readonly handlePointerCancel = (): void => {
    this.start = null;
  };
}
