import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AudienceSample } from '../../../shared/room-protocol.js';
import { audienceSeries, type AudiencePoint } from '../../state/audience-series.js';
import { hourMinute } from '../../utils/time-of-day.js';

/** The drawing's width in SVG units follows the element's in CSS pixels (so text keeps its size), within these. */
const MIN_WIDTH = 300;
const MAX_WIDTH = 960;

const clockSeconds = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Round steps for the count axis: 0, then up to four lines at a round step to at least `max`. */
function countTicks(max: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].find((s) => max / s <= 4) ?? 10_000;
  return Array.from({ length: Math.ceil(Math.max(1, max) / step) + 1 }, (_, i) => i * step);
}

/**
 * The audience of a talk over time as an SVG chart (no chart library): viewers following the
 * presenter stacked under those browsing other slides, one point per sample interval, an
 * interval without a sample drawn as nobody. Screen readers get a title and a summary; every
 * figure is also in a table below it.
 */
@customElement('podium-audience-chart')
export class PodiumAudienceChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: inherit;
    }
    figure {
      margin: 0;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
    }
    .axis {
      font-size: 13px;
      fill: currentColor;
    }
    .grid {
      stroke: color-mix(in srgb, currentColor 18%, transparent);
      stroke-width: 1;
    }
    .following {
      fill: var(--podium-accent, #2450c8);
    }
    .browsing {
      fill: var(--podium-warn, #8a5a00);
    }
    figcaption {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 18px;
      margin-top: 6px;
      font-size: 0.9rem;
    }
    .swatch {
      display: inline-block;
      width: 0.9em;
      height: 0.9em;
      margin-right: 6px;
      vertical-align: -0.1em;
      border-radius: 2px;
    }
    .swatch.following {
      background: var(--podium-accent, #2450c8);
    }
    .swatch.browsing {
      background: var(--podium-warn, #8a5a00);
    }
    details {
      margin-top: 8px;
    }
    summary {
      cursor: pointer;
    }
    .table-wrap {
      max-height: 18rem;
      overflow: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 2px 12px 2px 0;
      text-align: end;
    }
    th:first-child,
    td:first-child {
      text-align: start;
    }
    .empty {
      color: var(--podium-muted, #4f5863);
    }
  `;

  /** The report's samples, oldest first. */
  @property({ attribute: false }) samples: AudienceSample[] = [];
  /** The length of one sample interval, in seconds. Default 15. */
  @property({ type: Number }) sampleSeconds = 15;

  /** The element's width in CSS pixels, as last measured. */
  @state() private width = 640;

  private readonly resize = new ResizeObserver((entries) => {
    const measured = entries[0]?.contentRect.width ?? 0;
    if (measured > 0) this.width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, measured)));
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  private renderDrawing(points: AudiencePoint[], summary: string) {
    const WIDTH = this.width;
    const HEIGHT = Math.round(Math.min(280, Math.max(180, WIDTH * 0.4)));
    // Room for the count axis on the left and the time axis below.
    const PLOT = { left: 40, right: WIDTH - 8, top: 10, bottom: HEIGHT - 28 };
    const first = points[0]?.at ?? 0;
    const last = Math.max(points.at(-1)?.at ?? 0, first + this.sampleSeconds * 1000);
    const ticks = countTicks(Math.max(...points.map((p) => p.viewers)));
    const top = ticks.at(-1) ?? 1;
    const x = (at: number) => PLOT.left + ((at - first) / (last - first)) * (PLOT.right - PLOT.left);
    const y = (count: number) => PLOT.bottom - (count / top) * (PLOT.bottom - PLOT.top);
    const area = (upper: (p: AudiencePoint) => number, lower: (p: AudiencePoint) => number) => {
      const along = points.map((p) => `${x(p.at).toFixed(1)},${y(upper(p)).toFixed(1)}`);
      const back = [...points].reverse().map((p) => `${x(p.at).toFixed(1)},${y(lower(p)).toFixed(1)}`);
      return `M${along.join('L')}L${back.join('L')}Z`;
    };
    const shares = WIDTH < 480 ? [0, 1 / 2, 1] : [0, 1 / 3, 2 / 3, 1];
    const times = shares.map((share) => first + share * (last - first));
    return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc">
      <title id="chart-title">Audience over time</title>
      <desc id="chart-desc">${summary}</desc>
      ${ticks.map(
        (tick) => svg`<line class="grid" x1=${PLOT.left} x2=${PLOT.right} y1=${y(tick)} y2=${y(tick)}></line>
          <text class="axis" x=${PLOT.left - 8} y=${y(tick) + 4} text-anchor="end">${tick}</text>`,
      )}
      <path class="following" d=${area(
        (p) => p.live,
        () => 0,
      )}></path>
      <path class="browsing" d=${area(
        (p) => p.viewers,
        (p) => p.live,
      )}></path>
      ${times.map(
        (at, i) => svg`<text class="axis" x=${x(at)} y=${HEIGHT - 8}
          text-anchor=${i === 0 ? 'start' : i === times.length - 1 ? 'end' : 'middle'}>${hourMinute(at)}</text>`,
      )}
    </svg>`;
  }

  override render() {
    const samples = this.samples;
    if (samples.length === 0) {
      return html`<p class="empty">
        Nobody has watched yet: the audience is counted every ${this.sampleSeconds} s while anyone has the talk open.
      </p>`;
    }
    const points = audienceSeries(samples, this.sampleSeconds * 1000);
    const peak = samples.reduce((best, s) => (s.viewers > best.viewers ? s : best));
    const end = samples.at(-1);
    const summary =
      `From ${hourMinute(Date.parse(samples[0]?.at ?? ''))} to ${hourMinute(Date.parse(end?.at ?? ''))}, ` +
      `at most ${peak.viewers} watching (at ${hourMinute(Date.parse(peak.at))}); ` +
      `at the last count ${end?.live ?? 0} following and ${end?.browsing ?? 0} browsing.`;
    return html`<figure>
        ${this.renderDrawing(points, summary)}
        <figcaption>
          <span><span class="swatch following"></span>Following the presenter</span>
          <span><span class="swatch browsing"></span>Browsing other slides</span>
        </figcaption>
      </figure>
      <details>
        <summary>The audience as a table (${samples.length} counts, every ${this.sampleSeconds} s)</summary>
        <div class="table-wrap" tabindex="0" role="group" aria-label="Audience table">
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Following</th>
                <th scope="col">Browsing</th>
                <th scope="col">In all</th>
              </tr>
            </thead>
            <tbody>
              ${samples.map(
                (s) =>
                  html`<tr>
                    <td>${clockSeconds(Date.parse(s.at))}</td>
                    <td>${s.live}</td>
                    <td>${s.browsing}</td>
                    <td>${s.viewers}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-audience-chart': PodiumAudienceChart;
  }
}
