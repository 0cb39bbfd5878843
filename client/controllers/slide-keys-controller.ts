import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Slide } from '../../shared/protocol.js';
import { stepBack, stepForward, type SlidePosition } from '../state/step-walk.js';
import { readPref } from '../state/viewer-prefs.js';

/** What a navigation key asks for. */
type SlideKeyAction = 'next' | 'previous' | 'first' | 'last';

/**
 * The slide action of a key, as laptops and presentation clickers send them: arrows,
 * space (shift+space goes back), PageUp/PageDown, Home/End, n/p. Null for other keys.
 */
function slideKeyAction(event: KeyboardEvent): SlideKeyAction | null {
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'n':
    case 'N':
      return 'next';
    case ' ':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
    case 'P':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/**
 * The slide a navigation key leads to from `shown` in a deck of `count` slides (not yet
 * clamped: callers clamp as they move), or null for a key that is not a navigation key.
 */
export function slideKeyTarget(event: KeyboardEvent, shown: number, count: number): number | null {
  switch (slideKeyAction(event)) {
    case 'next':
      return shown + 1;
    case 'previous':
      return shown - 1;
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Where a navigation key leads the presenter from `shown`, build by build: next/previous
 * walk the steps (see stepForward/stepBack), Home/End go to the first/last slide at step 0.
 * Null for a key that is not a navigation key, or at either end of the deck.
 */
export function stepKeyTarget(
  event: KeyboardEvent,
  shown: SlidePosition,
  slides: readonly Slide[],
): SlidePosition | null {
  switch (slideKeyAction(event)) {
    case 'next':
      return stepForward(slides, shown);
    case 'previous':
      return stepBack(slides, shown);
    case 'first':
      return { index: 0, step: 0 };
    case 'last':
      return { index: Math.max(slides.length - 1, 0), step: 0 };
    default:
      return null;
  }
}

/** True for a key that navigates (see slideKeyTarget), wherever it would lead. */
export function isSlideKey(event: KeyboardEvent): boolean {
  return slideKeyAction(event) !== null;
}

/** Input types that take typed text (or digits and arrows, as dates and times do). */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/**
 * True for a control that keeps the keys typed into it: a text field, a text area, a select
 * (arrows pick an option), editable content. A focused checkbox, radio or button is not one:
 * slide keys pressed there still move slides.
 */
function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** True for a single letter (n, p, f, g…), which the viewer may switch off (WCAG 2.1.4). */
function isLetterKey(event: KeyboardEvent): boolean {
  return event.key.length === 1 && /\p{L}/u.test(event.key);
}

/** Keys that scroll a focused scrollable region (which then keeps them, instead of changing slides). */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', ' ', 'Home', 'End']);

/** True when `event` is a scrolling key pressed inside a region marked `data-keys-scroll` (speaker notes). */
function scrollsRegion(event: KeyboardEvent): boolean {
  if (!SCROLL_KEYS.has(event.key)) return false;
  return event.composedPath().some((node) => node instanceof HTMLElement && node.hasAttribute('data-keys-scroll'));
}

function isActivatable(target: EventTarget | undefined): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/**
 * Page-wide keyboard shortcuts for a component: listens on `window` while the host is
 * connected. Keys typed into fields, with Ctrl/Meta/Alt, Space/Enter on a focused
 * button (which the button handles itself), and scrolling keys in a focused region marked
 * `data-keys-scroll` (long speaker notes read by keyboard) are left alone, and so are
 * single letters once the viewer switched them off (see podium-shortcuts). `onKey` returns true when it
 * used the key, which then does nothing else (no page scroll).
 */
export class KeyboardShortcutsController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onKey: (event: KeyboardEvent) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.handleKeydown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.handleKeydown);
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (isTyping(target)) return;
    if ((event.key === ' ' || event.key === 'Enter') && isActivatable(target)) return;
    if (scrollsRegion(event)) return;
    if (isLetterKey(event) && readPref('letter-keys-off')) return;
    if (this.onKey(event)) event.preventDefault();
  };
}
