import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { QuestionsEventData } from '../../../shared/room-protocol.js';
import { roomBus } from '../../state/room-bus.js';

/**
 * The room's top open questions over the stage, while the presenter puts them on screen (the
 * projector shows what the audience page shows). Plain text only; hidden and answered
 * questions never appear. Sits in the audience's stage area, over the slide's lower part.
 */
@customElement('podium-question-spotlight')
export class PodiumQuestionSpotlight extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      left: clamp(8px, 3vmin, 40px);
      right: clamp(8px, 3vmin, 40px);
      bottom: clamp(8px, 3vmin, 40px);
      z-index: 2;
      pointer-events: none;
    }
    aside {
      pointer-events: auto;
      background: color-mix(in srgb, var(--podium-surface, #fff) 94%, transparent);
      color: var(--podium-text, #16191d);
      border: 1px solid var(--podium-border, #cfd5dc);
      border-radius: 14px;
      box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
      padding: clamp(8px, 1.6vmin, 20px) clamp(12px, 2.4vmin, 28px);
      font-size: clamp(0.9rem, 2.3vmin, 1.7rem);
    }
    h2 {
      margin: 0 0 0.3em;
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--podium-muted, #4f5863);
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.35em;
    }
    li {
      display: flex;
      gap: 0.7em;
      align-items: baseline;
    }
    .votes {
      flex: none;
      min-width: 2.6em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--podium-accent, #2450c8);
    }
    .text {
      overflow-wrap: anywhere;
    }
  `;

  /** How many questions to show; default 3. */
  @property({ type: Number }) limit = 3;

  @state() private data: QuestionsEventData | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    roomBus.addEventListener('questions', this.handleQuestions);
    this.handleQuestions();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    roomBus.removeEventListener('questions', this.handleQuestions);
  }

  private readonly handleQuestions = (): void => {
    this.data = roomBus.questions;
  };

  override render() {
    if (!this.data?.onScreen) return nothing;
    const top = this.data.questions.filter((q) => q.state === 'open').slice(0, this.limit);
    return html`<aside aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">Top questions</h2>
      ${
        top.length === 0
          ? html`<p class="text">No questions yet. Ask yours from your phone.</p>`
          : html`<ol>
              ${top.map(
                (q) => html`<li><span class="votes">▲ ${q.votes}</span><span class="text">${q.text}</span></li>`,
              )}
            </ol>`
      }
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-question-spotlight': PodiumQuestionSpotlight;
  }
}
