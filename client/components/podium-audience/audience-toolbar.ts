import { html, nothing } from 'lit';
import type { Deck } from '../../../shared/protocol.js';
import type { StreamStatus } from '../../controllers/slide-stream-controller.js';
import type { SlidePosition } from '../../state/step-walk.js';
import { chevronLeft, chevronRight, expandIcon, keyboardIcon, readerIcon, shrinkIcon } from '../icons.js';
import '../podium-connection-status/podium-connection-status.js';
import '../podium-questions/podium-questions.js';
import '../podium-save-slides/podium-save-slides.js';

/** What the audience toolbar shows, and what its buttons call (as the host's handlers). */
export interface AudienceToolbar {
  deck: Deck;
  /** The slide shown (0-based), of `count` in the talk, of which `available` are revealed. */
  index: number;
  count: number;
  available: number;
  status: StreamStatus;
  following: boolean;
  /** The furthest live position seen, where the handout may reach. */
  furthest: SlidePosition;
  reader: boolean;
  fullscreen: boolean;
  /** True to fade the toolbar out (full screen, nothing moved, nothing needing attention). */
  idle: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onReader: () => void;
  onShortcuts: () => void;
  onFullscreen: () => void;
}

/**
 * The audience page's toolbar ("Slide controls"): previous and next with the position, the
 * talk's title, questions, the connection chip, saving the slides, reader mode, the shortcut
 * list and full screen (where the browser allows it).
 */
export function audienceToolbar(bar: AudienceToolbar) {
  const { deck, index, count, available, fullscreen } = bar;
  return html`<div class="toolbar ${bar.idle ? 'idle' : ''}" role="group" aria-label="Slide controls">
    <button
      aria-label="Previous slide"
      title="Previous slide (←)"
      aria-disabled=${index === 0 ? 'true' : 'false'}
      @click=${bar.onPrevious}
    >
      ${chevronLeft}
    </button>
    <span class="counter">${index + 1} / ${count}</span>
    <button
      aria-label="Next slide"
      title=${index >= available - 1 && available < count ? 'Not shown yet' : 'Next slide (→)'}
      aria-disabled=${index >= available - 1 ? 'true' : 'false'}
      @click=${bar.onNext}
    >
      ${chevronRight}
    </button>
    <h1 class="title">${deck.title}</h1>
    <podium-questions deck-id=${deck.id}></podium-questions>
    <podium-connection-status .status=${bar.status} ?browsing=${!bar.following}></podium-connection-status>
    <podium-save-slides .deck=${deck} .seen=${bar.furthest}></podium-save-slides>
    <button aria-pressed=${bar.reader ? 'true' : 'false'} title="Reader mode (R)" @click=${bar.onReader}>
      ${readerIcon}<span class="visually-hidden">Reader mode</span>
    </button>
    <button
      class="shortcuts-button"
      aria-label="Keyboard shortcuts"
      title="Keyboard shortcuts (?)"
      @click=${bar.onShortcuts}
    >
      ${keyboardIcon}
    </button>
    ${
      document.fullscreenEnabled
        ? html`<button
            aria-label=${fullscreen ? 'Exit full screen' : 'Full screen'}
            title=${fullscreen ? 'Exit full screen (F)' : 'Full screen (F)'}
            @click=${bar.onFullscreen}
          >
            ${fullscreen ? shrinkIcon : expandIcon}
          </button>`
        : nothing
    }
  </div>`;
}
