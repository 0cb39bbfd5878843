import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** Width of the chart's drawing, in SVG units; it scales to the element's width. */
const WIDTH = 400;
/** Height of one row (label above, bar below), in SVG units. */
const ROW = 44;

/**
 * A horizontal bar chart drawn as SVG (no chart library): one row per label, its bar as long
 * as its share of the largest value, the count and percentage beside it. It scales with its
 * box; screen readers get the figures as a list, the drawing is hidden from them.
 */
@customElement('podium-bar-chart')
export class PodiumBarChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 100%;
      color: inherit;
    }
    figure {
      margin: 0;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
    }
    .label {
      font-size: 15px;
      fill: currentColor;
    }
    .value {
      font-size: 14px;
      font-weight: 600;
      fill: currentColor;
    }
    .track {
      fill: color-mix(in srgb, currentColor 12%, transparent);
    }
    .bar {
      fill: var(--podium-chart-bar, var(--podium-slide-accent, var(--podium-accent, #2450c8)));
      transition: width 300ms ease-out;
    }
    .bar.highlight {
      fill: var(--podium-chart-highlight, var(--podium-live, #137333));
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    @media (prefers-reduced-motion: reduce) {
      .bar {
        transition: none;
      }
    }
  `;

  /** Row labels, in order. */
  @property({ attribute: false }) labels: string[] = [];
  /** One value per label (missing ones read as 0). */
  @property({ attribute: false }) values: number[] = [];
  /** Index of a row drawn in the highlight colour (e.g. this viewer's vote); null for none. */
  @property({ attribute: false }) highlight: number | null = null;
  /** What the chart shows, for screen readers. */
  @property() label = '';
  /** Unit after each value for screen readers (e.g. "votes", "seconds"); default "votes". */
  @property() unit = 'votes';
  /** Written right after each value in the drawing (e.g. " s"); default none. */
  @property() suffix = '';

  override render() {
    const values = this.labels.map((_, i) => this.values[i] ?? 0);
    const total = values.reduce((sum, value) => sum + value, 0);
    const max = Math.max(1, ...values);
    const percent = (value: number) => (total > 0 ? Math.round((value / total) * 100) : 0);
    const barSpace = WIDTH - 90;
    const rows = this.labels.map((label, i) => {
      const value = values[i] ?? 0;
      const y = i * ROW;
      const width = Math.max(value > 0 ? 3 : 0, (value / max) * barSpace);
      const cls = this.highlight === i ? 'bar highlight' : 'bar';
      return svg`<g>
        <text class="label" x="0" y=${y + 15}>${label.length > 48 ? `${label.slice(0, 47)}…` : label}</text>
        <rect class="track" x="0" y=${y + 21} width=${barSpace} height="16" rx="3"></rect>
        <rect class=${cls} x="0" y=${y + 21} width=${width} height="16" rx="3"></rect>
        <text class="value" x=${barSpace + 8} y=${y + 34}>${value}${this.suffix} · ${percent(value)}%</text>
      </g>`;
    });
    return html`<figure>
      <svg viewBox="0 0 ${WIDTH} ${Math.max(ROW, this.labels.length * ROW)}" aria-hidden="true" focusable="false">
        ${rows}
      </svg>
      <figcaption class="visually-hidden">
        ${this.label}:
        <ul>
          ${this.labels.map((label, i) => html`<li>${label}: ${values[i] ?? 0} ${this.unit} (${percent(values[i] ?? 0)}%)</li>`)}
        </ul>
      </figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-bar-chart': PodiumBarChart;
  }
}
