import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../styles/theme.js';

const STORAGE_KEY = 'podium:notes-scale';
/** Smallest and largest notes text, as a share of the default, and the step between sizes. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 2.2;
const STEP = 0.2;

function savedScale(): number {
  try {
    const saved = Number(localStorage.getItem(STORAGE_KEY));
    return saved >= MIN_SCALE && saved <= MAX_SCALE ? saved : 1;
  } catch {
    return 1;
  }
}

/** Publishes the scale as `--podium-notes-scale` on the page, which speaker notes read (default 1). */
function applyScale(scale: number): void {
  document.documentElement.style.setProperty('--podium-notes-scale', String(scale));
}

/**
 * Smaller/larger buttons for the speaker notes' text, kept on this device. The notes of the
 * remote and the presenter view size their text by `--podium-notes-scale`.
 */
@customElement('podium-notes-size')
export class PodiumNotesSize extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        color: var(--podium-muted);
        font-size: 0.9rem;
      }
      button {
        min-width: 44px;
        padding: 0.2em 0.6em;
        font-size: 1.15rem;
        font-weight: 700;
        line-height: 1;
      }
    `,
  ];

  @state() private scale = savedScale();

  override connectedCallback(): void {
    super.connectedCallback();
    applyScale(this.scale);
  }

  private change(delta: number): void {
    const next = Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.scale + delta)) * 100) / 100;
    this.scale = next;
    applyScale(next);
    try {
      localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Without storage the size lasts as long as the page.
    }
  }

  private handleSmaller(): void {
    this.change(-STEP);
  }

  private handleLarger(): void {
    this.change(STEP);
  }

  override render() {
    return html`<span id="label">Notes</span>
      <span role="group" aria-labelledby="label">
        <button aria-label="Smaller notes text" ?disabled=${this.scale <= MIN_SCALE} @click=${this.handleSmaller}>
          −
        </button>
        <button aria-label="Larger notes text" ?disabled=${this.scale >= MAX_SCALE} @click=${this.handleLarger}>
          +
        </button>
      </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-notes-size': PodiumNotesSize;
  }
}
