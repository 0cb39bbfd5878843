/** Parts both presenter screens (the remote and the presenter view) render alike; their styles are in presenter-controls.styles.ts. */
import { html } from 'lit';
import type { ClockResponse, Slide, TalkClock } from '../../shared/protocol.js';
import { isSlideKey, stepKeyTarget } from '../controllers/slide-keys-controller.js';
import { stepBack, stepForward, type SlidePosition } from '../state/step-walk.js';
import { noteBlocks, slideAnnouncement } from '../utils/slide-text.js';
import type { SlideSelectDetail } from './events.js';
import { chevronLeft, chevronRight } from './icons.js';
import './podium-slide/podium-slide.js';
import './podium-slide-grid/podium-slide-grid.js';
import './podium-talk-clock/podium-talk-clock.js';

/** What the remote and the presenter view both show of where the talk is: `shown` in `slides`. */
export interface ShownSlide {
  slides: readonly Slide[];
  shown: SlidePosition;
}

/**
 * Back and Next, large, as both presenter screens have them (in the host's `.controls` grid area):
 * at either end of the deck the button stays focusable and says so with aria-disabled.
 */
export function slideControls({ slides, shown }: ShownSlide, onBack: () => void, onNext: () => void) {
  return html`<div class="controls" role="group" aria-label="Slide controls">
    <button
      class="previous"
      aria-label="Back"
      aria-disabled=${stepBack(slides, shown) ? 'false' : 'true'}
      @click=${onBack}
    >
      ${chevronLeft}<span aria-hidden="true">Back</span>
    </button>
    <button
      class="next-button primary"
      aria-label="Next slide"
      aria-disabled=${stepForward(slides, shown) ? 'false' : 'true'}
      @click=${onNext}
    >
      <span aria-hidden="true">Next</span>${chevronRight}
    </button>
  </div>`;
}

/** "Slide 3 of 12 · step 1 of 2", the number large. */
export function slidePosition({ slides, shown }: ShownSlide) {
  const steps = slides[shown.index]?.steps ?? 0;
  return html`<p class="position">
    Slide <strong>${shown.index + 1}</strong> of ${slides.length}${steps > 0 ? ` · step ${shown.step} of ${steps}` : ''}
  </p>`;
}

/** What Next will show: this slide one build on, or the next slide at step 0; at the end, says so. */
export function upNext({ slides, shown }: ShownSlide) {
  const upcoming = stepForward(slides, shown);
  const next = upcoming && slides[upcoming.index];
  return upcoming && next
    ? html`<podium-slide preview .html=${next.html} .step=${upcoming.step}></podium-slide>`
    : html`<div class="end">End of the deck</div>`;
}

/** The speaker notes of a slide as paragraphs, or a muted line when it has none. */
export function notesText(notes: string) {
  return notes
    ? noteBlocks(notes).map((block) => html`<p>${block}</p>`)
    : html`<p class="empty">No notes for this slide.</p>`;
}

/**
 * The keys of both presenter screens: a slide key walks the deck build by build (see
 * stepKeyTarget) and calls `go` (not at either end), G calls `openGrid`. True when the key was used.
 */
export function presenterKey(
  event: KeyboardEvent,
  { slides, shown }: ShownSlide,
  go: (target: SlidePosition) => void,
  openGrid: () => void,
): boolean {
  if (isSlideKey(event)) {
    const target = stepKeyTarget(event, shown, slides);
    if (target) go(target);
    return true;
  }
  if (event.key !== 'g' && event.key !== 'G') return false;
  openGrid();
  return true;
}

/** The talk clock of deck `deckId`, changed with the presenter `key`, its pace hint at the slide shown. */
export function talkClock(
  deckId: string,
  key: string | null,
  clock: TalkClock,
  { slides, shown }: ShownSlide,
  onChange: (event: CustomEvent<ClockResponse>) => void,
) {
  return html`<podium-talk-clock
    deck-id=${deckId}
    .presenterKey=${key ?? ''}
    .clock=${clock}
    .index=${shown.index}
    .count=${slides.length}
    @podium-clock-change=${onChange}
  ></podium-talk-clock>`;
}

/**
 * The slide and step shown, announced to screen readers as they change, and the slide grid
 * (opened with G or its button), whose pick calls `onSelect`.
 */
export function announcedSlideAndGrid(
  { slides, shown }: ShownSlide,
  onSelect: (event: CustomEvent<SlideSelectDetail>) => void,
) {
  const slide = slides[shown.index];
  const steps = slide?.steps ?? 0;
  return html`<div class="visually-hidden" aria-live="polite" aria-atomic="true">
      ${slideAnnouncement(shown.index, slides.length, slide?.html ?? '', { step: shown.step, steps })}
    </div>
    <podium-slide-grid .slides=${slides} .current=${shown.index} @podium-slide-select=${onSelect}></podium-slide-grid>`;
}
