import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ReactionName, ReactionsEventData } from '../../../shared/room-protocol.js';
import { REACTION_NAMES } from '../../../shared/validate.js';
import { REACTION_ICONS, REACTION_LABELS } from '../reaction-icons.js';

/** Most icons one `reactions` event floats up, however many taps it carries. */
const MAX_PER_EVENT = 14;
/** How long one icon floats, in ms (the CSS animation's length). */
const FLOAT_MS = 2600;
/** With reduced motion: how long a burst's taps stay counted in the quiet counter, in ms. */
const COUNTER_MS = 8000;

/** Columns of the lane an icon may start in, start delays and sways: classes, since a strict CSP refuses style attributes. */
const COLUMNS = 6;
const DELAYS = 5;
const SWAYS = 3;

/** One floating icon, placed by its classes. */
interface Particle {
  id: number;
  name: ReactionName;
  /** Column of the lane (0 to COLUMNS - 1). */
  column: number;
  /** Start delay class (0 to DELAYS - 1), so a burst rises as a trickle. */
  delay: number;
  /** Sideways sway class (0 to SWAYS - 1). */
  sway: number;
}

/** The CSS of the placement classes: `.c0`… columns, `.d0`… delays, `.s0`… sways. */
const placement = unsafeCSS(
  [
    ...Array.from({ length: COLUMNS }, (_, i) => `.c${i} { left: ${Math.round((i * 70) / (COLUMNS - 1))}%; }`),
    ...Array.from({ length: DELAYS }, (_, i) => `.d${i} { animation-delay: ${i * 110}ms; }`),
    ...Array.from({ length: SWAYS }, (_, i) => `.s${i} { --sway: ${(i - 1) * 22}px; }`),
  ].join('\n'),
);

const pick = (n: number): number => Math.floor(Math.random() * n);

/** `total` icons shared among the names of `recent` in proportion to their taps, at least one per name sent. */
function shares(recent: ReactionsEventData['recent'], total: number): Array<[ReactionName, number]> {
  const sent = REACTION_NAMES.map((name): [ReactionName, number] => [name, recent[name] ?? 0]).filter(([, n]) => n > 0);
  const taps = sent.reduce((sum, [, n]) => sum + n, 0);
  const budget = Math.min(total, taps);
  return sent.map(([name, n]) => [name, Math.max(1, Math.round((n / taps) * budget))]);
}

/**
 * Reactions as brief bursts over a slide: the icons of each `reactions` event float up a lane
 * at the side and fade (a few per event, whatever the audience size). Off when `on` is false.
 * With prefers-reduced-motion nothing moves: a quiet counter shows the last seconds' taps.
 * Decorative (aria-hidden); overlays its positioned parent and never takes a tap.
 */
@customElement('podium-reaction-bursts')
export class PodiumReactionBursts extends LitElement {
  static override styles = [
    placement,
    css`
      :host {
        position: absolute;
        inset: 0;
        pointer-events: none;
        overflow: hidden;
        z-index: 2;
      }
      .lane {
        position: absolute;
        right: 2%;
        bottom: 0;
        width: min(22%, 180px);
        height: 70%;
      }
      .particle {
        position: absolute;
        bottom: 0;
        width: var(--size, 40px);
        height: var(--size, 40px);
        display: grid;
        place-items: center;
        border-radius: 50%;
        background: color-mix(in srgb, var(--tint) 18%, var(--podium-surface, #fff));
        color: var(--tint);
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.18);
        opacity: 0;
        animation: float ${FLOAT_MS}ms ease-out forwards;
      }
      .particle svg {
        width: 62%;
        height: 62%;
      }
      @keyframes float {
        0% {
          opacity: 0;
          transform: translate(0, 0) scale(0.6);
        }
        12% {
          opacity: 1;
          transform: translate(calc(var(--sway) * 0.3), -12%) scale(1);
        }
        100% {
          opacity: 0;
          transform: translate(var(--sway), -560%) scale(0.9);
        }
      }
      .counter {
        position: absolute;
        right: 12px;
        bottom: 12px;
        display: flex;
        gap: 10px;
        padding: 6px 12px;
        border-radius: 999px;
        background: var(--podium-surface, #fff);
        color: var(--podium-text, #16191d);
        border: 1px solid var(--podium-border, #cfd5dc);
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .counter span {
        display: inline-flex;
        align-items: center;
        gap: 3px;
      }
      .counter svg {
        width: 18px;
        height: 18px;
        color: var(--tint);
      }
      .applause {
        --tint: #c77700;
      }
      .heart {
        --tint: #d12c4a;
      }
      .laugh {
        --tint: #b8860b;
      }
      .wow {
        --tint: #7b4bd0;
      }
      .thumbs_up {
        --tint: #2a63d4;
      }
      .question {
        --tint: #0f7f7a;
      }
    `,
  ];

  /** The latest `reactions` event; each new one bursts. */
  @property({ attribute: false }) event: ReactionsEventData | null = null;
  /** Whether reactions show at all on this screen. Default true. */
  @property({ type: Boolean }) on = true;
  /** Icon size in px. Default 40 (a phone); a projector wants more. */
  @property({ type: Number }) size = 40;

  @state() private particles: Particle[] = [];
  /** With reduced motion: taps of the last seconds, with when they came. */
  @state() private counted: Array<{ at: number; name: ReactionName; n: number }> = [];

  private nextId = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly motion = window.matchMedia('(prefers-reduced-motion: reduce)');

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.particles = [];
    this.counted = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Through the CSSOM, which a strict CSP allows.
    if (changed.has('size')) this.style.setProperty('--size', `${this.size}px`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.on) {
      this.particles = [];
      this.counted = [];
      return;
    }
    if (changed.has('event') && this.event) this.burst(this.event);
  }

  private later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  private burst(event: ReactionsEventData): void {
    const now = Date.now();
    if (this.motion.matches) {
      const fresh = REACTION_NAMES.filter((name) => (event.recent[name] ?? 0) > 0).map((name) => ({
        at: now,
        name,
        n: event.recent[name] ?? 0,
      }));
      this.counted = [...this.counted.filter((entry) => now - entry.at < COUNTER_MS), ...fresh];
      this.later(COUNTER_MS, () => (this.counted = this.counted.filter((entry) => Date.now() - entry.at < COUNTER_MS)));
      return;
    }
    const born: Particle[] = [];
    for (const [name, count] of shares(event.recent, MAX_PER_EVENT)) {
      for (let i = 0; i < count; i += 1) {
        born.push({ id: this.nextId++, name, column: pick(COLUMNS), delay: pick(DELAYS), sway: pick(SWAYS) });
      }
    }
    if (born.length === 0) return;
    this.particles = [...this.particles, ...born];
    const ids = new Set(born.map((particle) => particle.id));
    this.later(FLOAT_MS + 500, () => (this.particles = this.particles.filter((particle) => !ids.has(particle.id))));
  }

  private renderCounter() {
    const totals = new Map<ReactionName, number>();
    for (const entry of this.counted) totals.set(entry.name, (totals.get(entry.name) ?? 0) + entry.n);
    if (totals.size === 0) return nothing;
    return html`<div class="counter">
      ${[...totals].map(
        ([name, n]) => html`<span class=${name} title=${REACTION_LABELS[name]}>${REACTION_ICONS[name]}${n}</span>`,
      )}
    </div>`;
  }

  override render() {
    if (!this.on) return nothing;
    return html`<div aria-hidden="true">
      <div class="lane">
        ${this.particles.map(
          (particle) =>
            html`<span class="particle ${particle.name} c${particle.column} d${particle.delay} s${particle.sway}"
              >${REACTION_ICONS[particle.name]}</span
            >`,
        )}
      </div>
      ${this.renderCounter()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-reaction-bursts': PodiumReactionBursts;
  }
}
