import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Question } from '../../../shared/room-protocol.js';
import { askQuestion, voteQuestion } from '../../api/room-api.js';
import { ApiError } from '../../api/request.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import { roomBus } from '../../state/room-bus.js';
import { SavedIds } from '../../state/saved-ids.js';
import { dialogHeader } from '../dialog-header.js';
import { questionsStyles } from './podium-questions.styles.js';

/** Longest question, in characters (the server's limit). */
export const MAX_QUESTION_LENGTH = 280;

const questionIcon = svg`<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor"
  stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <path d="M4 5h16v11H9l-5 4z" /><path d="M10 9.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9M12 13.6v.1" /></svg>`;

/** Characters as the server counts them (code points). */
function length(text: string): number {
  return [...text.trim()].length;
}

/**
 * The audience's questions at `/d/:id`: a toolbar button (with the number of open questions)
 * that opens a panel to ask one (up to 280 characters, counted as you type; errors in words)
 * and to see the room's questions by votes, upvote one or take the vote back. This viewer's
 * own questions are marked. Question text is always shown as text, never as HTML.
 */
@customElement('podium-questions')
export class PodiumQuestions extends LitElement {
  static override styles = questionsStyles;

  /** The deck whose questions these are; default none. */
  @property({ attribute: 'deck-id' }) deckId = '';

  @state() private questions: Question[] = [];
  @state() private text = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private notice = '';

  private readonly dialog = new DialogController(this);

  private asked = new SavedIds('');
  private voted = new SavedIds('');

  override connectedCallback(): void {
    super.connectedCallback();
    roomBus.addEventListener('questions', this.handleQuestions);
    this.handleQuestions();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    roomBus.removeEventListener('questions', this.handleQuestions);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deckId')) {
      roomBus.deckId = this.deckId;
      this.asked = new SavedIds(`podium:asked:${this.deckId}`);
      this.voted = new SavedIds(`podium:voted:${this.deckId}`);
    }
  }

  private readonly handleQuestions = (): void => {
    this.questions = roomBus.questions?.questions ?? [];
  };

  private handleOpen(): void {
    this.error = '';
    this.notice = '';
    void this.dialog.open();
  }

  private handleClose(): void {
    this.dialog.close();
  }

  private handleInput(event: InputEvent): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    if (this.error && length(this.text) <= MAX_QUESTION_LENGTH) this.error = '';
  }

  private async handleAsk(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const count = length(this.text);
    if (count === 0) {
      this.error = 'Write your question first.';
      return;
    }
    if (count > MAX_QUESTION_LENGTH) {
      this.error = `Your question is ${count} characters long; the limit is ${MAX_QUESTION_LENGTH}. Please shorten it.`;
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const question = await askQuestion(this.deckId, this.text);
      this.asked.set(question.id, true);
      if (!this.questions.some((q) => q.id === question.id)) this.questions = [...this.questions, question];
      this.text = '';
      this.notice = 'Your question was sent.';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : 'Your question could not be sent. Please try again.';
    } finally {
      this.busy = false;
    }
  }

  private async handleVote(question: Question): Promise<void> {
    const up = !this.voted.has(question.id);
    this.error = '';
    try {
      const answer = await voteQuestion(this.deckId, question.id, up);
      this.voted.set(question.id, answer.voted);
      this.questions = this.questions
        .map((q) => (q.id === question.id ? { ...q, votes: answer.votes } : q))
        .sort((a, b) => b.votes - a.votes);
      this.notice = answer.voted ? 'Vote counted.' : 'Vote taken back.';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : 'Your vote could not be sent. Please try again.';
    }
  }

  private renderQuestion(question: Question) {
    const mine = this.asked.has(question.id);
    const voted = this.voted.has(question.id);
    return html`<li class=${mine ? 'mine' : ''}>
      <p class="text">${question.text}</p>
      <p class="meta">
        ${mine ? html`<span class="tag mine-tag">Your question</span>` : nothing}
        ${question.state === 'answered' ? html`<span class="tag answered">Answered</span>` : nothing}
        <span>Slide ${question.slide + 1}</span>
      </p>
      <button
        class="vote"
        aria-pressed=${voted ? 'true' : 'false'}
        aria-label="${voted ? 'Take back your vote' : 'Vote for this question'}, ${question.votes} ${question.votes === 1 ? 'vote' : 'votes'}"
        @click=${() => void this.handleVote(question)}
      >
        <span aria-hidden="true">▲</span><span class="count">${question.votes}</span>
      </button>
    </li>`;
  }

  private renderDialog() {
    const count = length(this.text);
    const over = count > MAX_QUESTION_LENGTH;
    return html`<dialog aria-labelledby="questions-heading">
      ${dialogHeader('questions-heading', 'Questions', this.handleClose)}
      <form @submit=${this.handleAsk}>
        <label for="ask">Ask the speaker</label>
        <textarea
          id="ask"
          name="text"
          rows="3"
          .value=${this.text}
          aria-describedby="ask-count"
          aria-invalid=${over ? 'true' : 'false'}
          @input=${this.handleInput}
        ></textarea>
        <div class="form-row">
          <span id="ask-count" class="count ${over ? 'over' : ''}">${count} / ${MAX_QUESTION_LENGTH} characters</span>
          <button class="primary" type="submit" ?disabled=${this.busy}>Send question</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </form>
      <p class="notice" role="status">${this.notice}</p>
      ${
        this.questions.length === 0
          ? html`<p class="empty">No questions yet. Be the first to ask.</p>`
          : html`<ol class="list" aria-label="Questions, most votes first">
              ${this.questions.map((q) => this.renderQuestion(q))}
            </ol>`
      }
    </dialog>`;
  }

  override render() {
    const open = this.questions.filter((q) => q.state === 'open').length;
    return html`<button class="open" aria-label="Questions, ${open} open" title="Questions" @click=${this.handleOpen}>
        ${questionIcon}${open > 0 ? html`<span class="badge" aria-hidden="true">${open}</span>` : nothing}
      </button>
      ${this.dialog.opened ? this.renderDialog() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-questions': PodiumQuestions;
  }
}
