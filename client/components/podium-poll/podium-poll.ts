import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PollEventData } from '../../../shared/room-protocol.js';
import { controlPoll, votePoll } from '../../api/room-api.js';
import { ApiError } from '../../api/request.js';
import { roomBus } from '../../state/room-bus.js';
import '../podium-bar-chart/podium-bar-chart.js';
import { pollStyles } from './podium-poll.styles.js';

/** Where this viewer's vote in a poll is remembered (so it stays marked after a reload). */
const voteKey = (deckId: string, pollId: string): string => `podium:poll-vote:${deckId}:${pollId}`;

function readVote(deckId: string, pollId: string): number | null {
  try {
    const saved = localStorage.getItem(voteKey(deckId, pollId));
    return saved === null ? null : Number(saved);
  } catch {
    return null;
  }
}

/**
 * A poll of the deck, live, inside the slide's poll card (see mountPolls). For the audience:
 * the options as buttons (this viewer's vote marked; a new one replaces it), "closed" once the
 * presenter closed it, and the results as a bar chart once revealed. On the remote (the page's
 * room has a presenter key): the results always, and the presenter's open/close and reveal.
 */
@customElement('podium-poll')
export class PodiumPoll extends LitElement {
  static override styles = pollStyles;

  /** The poll's id (`s<slide>p<n>`), from the card's `data-poll`. */
  @property({ attribute: 'poll-id' }) pollId = '';
  /** The poll's question, as the card shows it. */
  @property() question = '';
  /** The options, in order, as the card lists them. */
  @property({ attribute: false }) options: string[] = [];

  @state() private tally: PollEventData | null = null;
  @state() private myVote: number | null = null;
  @state() private busy = false;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    roomBus.addEventListener('poll', this.handlePoll);
    this.handlePoll();
    this.myVote = readVote(roomBus.deckId, this.pollId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    roomBus.removeEventListener('poll', this.handlePoll);
  }

  private get counts(): number[] {
    return this.options.map((_, i) => this.tally?.counts[i] ?? 0);
  }

  private readonly handlePoll = (): void => {
    const tally = roomBus.polls.get(this.pollId);
    if (tally) this.tally = tally;
  };

  private async handleVote(option: number): Promise<void> {
    if (this.busy) return;
    const previous = this.myVote;
    this.myVote = option;
    this.busy = true;
    this.error = '';
    try {
      await votePoll(roomBus.deckId, this.pollId, option);
      try {
        localStorage.setItem(voteKey(roomBus.deckId, this.pollId), String(option));
      } catch {
        // Without storage the vote still counts; only the mark is lost on reload.
      }
    } catch (err) {
      this.myVote = previous;
      this.error = err instanceof ApiError ? err.message : 'Your vote could not be sent. Please try again.';
    } finally {
      this.busy = false;
    }
  }

  private async handleControl(change: { open?: boolean; revealed?: boolean }): Promise<void> {
    const key = roomBus.presenterKey;
    if (!key || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      roomBus.takePoll(await controlPoll(roomBus.deckId, key, this.pollId, change));
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : 'The poll could not be changed. Please try again.';
    } finally {
      this.busy = false;
    }
  }

  private renderChart() {
    return html`<podium-bar-chart
      .labels=${this.options}
      .values=${this.counts}
      .highlight=${this.myVote}
      label="Results: ${this.question}"
    ></podium-bar-chart>`;
  }

  private renderPresenter() {
    const open = this.tally?.open ?? true;
    const revealed = this.tally?.revealed ?? false;
    const total = this.tally?.total ?? 0;
    return html`${this.renderChart()}
      <p class="status" role="status">
        ${total} ${total === 1 ? 'vote' : 'votes'} · ${open ? 'voting open' : 'voting closed'} ·
        ${revealed ? 'results shown to the room' : 'results hidden from the room'}
      </p>
      <div class="controls">
        <button ?disabled=${this.busy} @click=${() => void this.handleControl({ open: !open })}>
          ${open ? 'Close voting' : 'Reopen voting'}
        </button>
        <button ?disabled=${this.busy} @click=${() => void this.handleControl({ revealed: !revealed })}>
          ${revealed ? 'Hide results' : 'Reveal results'}
        </button>
      </div>`;
  }

  private renderAudience() {
    const open = this.tally?.open ?? true;
    const revealed = this.tally?.revealed ?? false;
    return html`<div class="choices" role="group" aria-label=${this.question || 'Poll'}>
        ${this.options.map(
          (option, i) =>
            html`<button
              class="choice"
              aria-pressed=${this.myVote === i ? 'true' : 'false'}
              ?disabled=${!open || this.busy}
              @click=${() => void this.handleVote(i)}
            >
              <span class="mark" aria-hidden="true">${this.myVote === i ? '✓' : ''}</span>${option}
            </button>`,
        )}
      </div>
      <p class="status" role="status">
        ${!open ? 'Voting is closed.' : this.myVote === null ? 'Tap an option to vote.' : 'Your vote counts. Tap another option to change it.'}
      </p>
      ${revealed ? this.renderChart() : nothing}`;
  }

  override render() {
    return html`${roomBus.presenterKey ? this.renderPresenter() : this.renderAudience()}
    ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-poll': PodiumPoll;
  }
}
