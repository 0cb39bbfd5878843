import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ClockRequest, TalkClock } from '../../../shared/protocol.js';
import { postClock } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import { serverTime } from '../../state/server-time.js';
import { formatElapsed, NO_CLOCK, paceHint, passedMark, readClock } from '../../state/talk-clock.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import { podiumEvent } from '../events.js';
import { dialogHeader } from '../dialog-header.js';
import { talkClockStyles } from './podium-talk-clock.styles.js';

/** The buzz for each mark: a short double tap at 5 minutes left, a longer one at time up. */
const VIBRATIONS = { five_minutes: [120, 100, 120], time_up: [300, 150, 300] } as const;

/**
 * The talk clock on presenter screens: elapsed time since the talk started (kept by the
 * server, so every remote and the presenter view agree), the countdown and a quiet pace hint
 * when the talk has a target, and a dialog to start the clock, set the target or start over
 * (first slide, clock stopped; confirmed first). A phone vibrates gently at 5 minutes left and
 * at 0. Each change is sent at once and announced with `podium-clock-change`.
 */
@customElement('podium-talk-clock')
export class PodiumTalkClock extends LitElement {
  static override styles = talkClockStyles;

  /** The clock as the server last said; default not started, no target. */
  @property({ attribute: false }) clock: TalkClock = NO_CLOCK;
  /** The slide shown (0-based), for the pace hint. */
  @property({ type: Number }) index = 0;
  /** How many slides the deck has, for the pace hint. */
  @property({ type: Number }) count = 1;
  /** The deck the clock belongs to. */
  @property({ attribute: 'deck-id' }) deckId = '';
  /** The presenter key that authorizes changes; never an attribute. */
  @property({ attribute: false }) presenterKey = '';

  @state() private confirming = false;
  @state() private busy = false;
  @state() private message = '';

  @query('input[name="minutes"]') private minutesInput!: HTMLInputElement | null;

  private readonly dialog = new DialogController(this);
  private interval: ReturnType<typeof setInterval> | undefined;
  private lastRemaining: number | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.interval = setInterval(() => this.tick(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.interval);
  }

  /** Opens the clock's dialog (start, target, start over). */
  async show(): Promise<void> {
    this.confirming = false;
    this.message = '';
    await this.dialog.open();
  }

  private tick(): void {
    const remaining = readClock(this.clock, serverTime.now()).remainingMs;
    const mark = this.clock.startedAt === null ? null : passedMark(this.lastRemaining, remaining);
    this.lastRemaining = remaining;
    if (mark && 'vibrate' in navigator && navigator.userActivation?.hasBeenActive !== false) {
      navigator.vibrate([...VIBRATIONS[mark]]);
    }
    this.requestUpdate();
  }

  private async send(change: ClockRequest, done: string): Promise<void> {
    this.busy = true;
    try {
      const answer = await postClock(this.deckId, this.presenterKey, change);
      this.message = done;
      this.lastRemaining = null;
      this.dispatchEvent(podiumEvent('podium-clock-change', answer));
      return;
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : 'Something went wrong; please try again.';
    } finally {
      this.busy = false;
    }
  }

  private handleOpen(): void {
    void this.show();
  }

  private handleClose(): void {
    this.dialog.close();
  }

  private handleStart(): void {
    void this.send({ action: 'start' }, 'The clock is running.');
  }

  private handleTarget(event: SubmitEvent): void {
    event.preventDefault();
    const minutes = Number(this.minutesInput?.value ?? '');
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 1440) {
      this.message = 'Give the target in minutes, from 1 to 1440.';
      return;
    }
    void this.send({ action: 'set_duration', durationMinutes: minutes }, `Target set: ${minutes} minutes.`);
  }

  private handleNoTarget(): void {
    void this.send({ action: 'set_duration', durationMinutes: null }, 'No target: the clock counts up.');
  }

  private handleStartOver(): void {
    this.confirming = true;
  }

  private handleCancelStartOver(): void {
    this.confirming = false;
  }

  private async handleConfirmStartOver(): Promise<void> {
    await this.send({ action: 'start_over' }, 'Started over: slide 1, clock stopped.');
    this.confirming = false;
  }

  private renderStartOver() {
    if (!this.confirming) {
      return html`<button ?disabled=${this.busy} @click=${this.handleStartOver}>Start over…</button>`;
    }
    return html`<p id="start-over-question">
        Go back to slide 1 for everyone and stop the clock? Do this after a rehearsal.
      </p>
      <div class="row" role="group" aria-labelledby="start-over-question">
        <button class="primary" ?disabled=${this.busy} @click=${this.handleConfirmStartOver}>Yes, start over</button>
        <button @click=${this.handleCancelStartOver}>Cancel</button>
      </div>`;
  }

  private renderDialog() {
    const { startedAt, durationMinutes } = this.clock;
    return html`<dialog aria-labelledby="clock-heading">
      ${dialogHeader('clock-heading', 'Talk clock', this.handleClose)}
      ${
        startedAt === null
          ? html`<p>The clock starts with the first slide change, or now:</p>
              <button class="primary" ?disabled=${this.busy} @click=${this.handleStart}>Start the clock</button>`
          : html`<p>Running since ${new Date(startedAt).toLocaleTimeString()}.</p>`
      }
      <form class="row" @submit=${this.handleTarget}>
        <label
          >Target length (minutes)
          <input name="minutes" type="number" min="1" max="1440" step="1" .value=${String(durationMinutes ?? '')} />
        </label>
        <button type="submit" ?disabled=${this.busy}>Set target</button>
        ${durationMinutes !== null ? html`<button type="button" @click=${this.handleNoTarget}>No target</button>` : nothing}
      </form>
      <hr />
      ${this.renderStartOver()}
      <p role="status">${this.message}</p>
    </dialog>`;
  }

  override render() {
    const reading = readClock(this.clock, serverTime.now());
    const elapsed = formatElapsed(reading.elapsedMs);
    const remaining = reading.remainingMs;
    const hint = paceHint(reading, this.clock, this.index, this.count);
    const started = this.clock.startedAt !== null;
    return html`<div class="time">
        <time aria-label="Elapsed ${elapsed}${started ? '' : ', not started'}">${elapsed}</time>
        ${
          remaining === null
            ? nothing
            : html`<span class="left ${remaining < 0 ? 'over' : ''}"
                >${remaining < 0 ? `${formatElapsed(-remaining)} over` : `${formatElapsed(remaining)} left`}</span
              >`
        }
      </div>
      ${hint ? html`<span class="pace">${hint}</span>` : nothing}
      <button class="quiet" aria-haspopup="dialog" @click=${this.handleOpen}>
        ${started ? 'Clock' : 'Start clock'}
      </button>
      ${this.dialog.opened ? this.renderDialog() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-talk-clock': PodiumTalkClock;
  }
}
