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
 * Horizontal touch/pen swipes anywhere on the host, scrollable regions included. Mostly-vertical moves stay scrolls.
 * The host needs `touch-action: pan-y` (CSS) so the browser leaves sideways moves to us.
 */
export class SwipeController implements ReactiveController {
  private start: { id: number; x: number; y: number; time: number; cancelled: boolean } | null = null;
  private touchOrigin: { x: number; y: number } | null = null;

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
    this.host.addEventListener('touchend', this.handleTouchEnd, { passive: true });
    this.host.addEventListener('touchstart', this.handleTouchStart, { passive: true });
    this.host.addEventListener('touchmove', this.handleTouchMove, { passive: false });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.handlePointerDown);
    this.host.removeEventListener('pointerup', this.handlePointerUp);
    this.host.removeEventListener('pointercancel', this.handlePointerCancel);
    this.host.removeEventListener('touchend', this.handleTouchEnd);
    this.host.removeEventListener('touchstart', this.handleTouchStart);
    this.host.removeEventListener('touchmove', this.handleTouchMove);
  }

  private readonly handlePointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    this.start = { id: event.pointerId, x: event.clientX, y: event.clientY, time: event.timeStamp, cancelled: false };
  };

  private readonly handlePointerUp = (event: PointerEvent): void => {
    const start = this.start;
    this.start = null;
    if (!start || start.id !== event.pointerId) return;
    this.finish(start, event.clientX, event.clientY, event.timeStamp);
  };

  /**
   * Over a scrollable region (the speaker notes) the browser takes the pointer as soon as it
   * may scroll, and cancels it; the touch itself still ends, and may still be a swipe.
   */
  private readonly handlePointerCancel = (): void => {
    if (this.start) this.start.cancelled = true;
  };

  private readonly handleTouchStart = (event: TouchEvent): void => {
    const touch = event.touches[0];
    this.touchOrigin = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : null;
  };

  /** A sideways move is ours: the browser must not also take it as "back" in its history. */
  private readonly handleTouchMove = (event: TouchEvent): void => {
    const touch = event.touches[0];
    const origin = this.touchOrigin;
    if (!origin || !touch || !event.cancelable) return;
    const dx = Math.abs(touch.clientX - origin.x);
    if (dx > 10 && dx > 1.5 * Math.abs(touch.clientY - origin.y)) event.preventDefault();
  };

  private readonly handleTouchEnd = (event: TouchEvent): void => {
    const start = this.start;
    const touch = event.changedTouches[0];
    if (!start?.cancelled || !touch) return;
    this.start = null;
    this.finish(start, touch.clientX, touch.clientY, event.timeStamp);
  };

  private finish(start: { x: number; y: number; time: number }, x: number, y: number, time: number): void {
    const dx = x - start.x;
    const dy = y - start.y;
    const quick = time - start.time <= (this.options.maxDurationMs ?? 800);
    if (quick && Math.abs(dx) >= (this.options.minDistance ?? 48) && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      this.onSwipe(dx < 0 ? 'left' : 'right');
    }
  }
}
