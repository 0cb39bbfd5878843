import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Question, QuestionState } from '../../../shared/room-protocol.js';
import { fetchAllQuestions, setQuestionsOnScreen, setQuestionState } from '../../api/room-api.js';
import { ApiError } from '../../api/request.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import { roomBus } from '../../state/room-bus.js';
import { podiumEvent } from '../events.js';
import { dialogHeader } from '../dialog-header.js';
import { questionsStyles } from '../podium-questions/podium-questions.styles.js';

const questionIcon = svg`<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor"
  stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <path d="M4 5h16v11H9l-5 4z" /><path d="M10 9.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9M12 13.6v.1" /></svg>`;

/**
 * The presenter's questions on the remote: a header button with a badge for questions that
 * arrived since the panel was last opened; the panel lists every question (hidden ones too)
 * by votes, marks one answered or hides it (at once, on every screen), jumps to the slide it
 * was asked on, puts the top questions on every screen, and links to the talk's report.
 * It also hands the page's room state the presenter key (so poll cards show their controls).
 */
@customElement('podium-questions-admin')
export class PodiumQuestionsAdmin extends LitElement {
  static override styles = questionsStyles;

  /** The deck; default none. */
  @property({ attribute: 'deck-id' }) deckId = '';
  /** This remote's presenter key; never an attribute. */
  @property({ attribute: false }) presenterKey = '';

  @state() private questions: Question[] = [];
  @state() private seen = new Set<string>();
  @state() private onScreen = false;
  @state() private message = '';

  private readonly dialog = new DialogController(this);

  private loading = false;
  private reloadWanted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    roomBus.addEventListener('questions', this.handleQuestions);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    roomBus.removeEventListener('questions', this.handleQuestions);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deckId') || changed.has('presenterKey')) {
      roomBus.deckId = this.deckId;
      roomBus.presenterKey = this.presenterKey || null;
      if (this.deckId && this.presenterKey) void this.load();
    }
  }

  private get unseen(): number {
    return this.questions.filter((q) => q.state === 'open' && !this.seen.has(q.id)).length;
  }

  private readonly handleQuestions = (): void => {
    this.onScreen = roomBus.questions?.onScreen ?? this.onScreen;
    void this.load();
  };

  /** Reads every question with the key; calls during a read fold into one more read. */
  private async load(): Promise<void> {
    if (this.loading) {
      this.reloadWanted = true;
      return;
    }
    this.loading = true;
    try {
      const questions = await fetchAllQuestions(this.deckId, this.presenterKey);
      this.questions = [...questions].sort((a, b) => Number(a.state === 'hidden') - Number(b.state === 'hidden'));
      if (this.dialog.opened) this.markSeen();
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : 'Could not load the questions.';
    } finally {
      this.loading = false;
      if (this.reloadWanted) {
        this.reloadWanted = false;
        void this.load();
      }
    }
  }

  private markSeen(): void {
    this.seen = new Set(this.questions.map((q) => q.id));
  }

  private handleOpen(): void {
    this.message = '';
    this.markSeen();
    void this.dialog.open();
  }

  private handleClose(): void {
    this.dialog.close();
  }

  private async handleState(question: Question, state: QuestionState): Promise<void> {
    try {
      await setQuestionState(this.deckId, this.presenterKey, question.id, state);
      this.questions = this.questions.map((q) => (q.id === question.id ? { ...q, state } : q));
      this.message =
        state === 'hidden' ? 'Hidden from every screen.' : state === 'answered' ? 'Marked answered.' : 'Open again.';
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : 'The question could not be changed.';
    }
  }

  private async handleOnScreen(): Promise<void> {
    const next = !this.onScreen;
    try {
      await setQuestionsOnScreen(this.deckId, this.presenterKey, next);
      this.onScreen = next;
      this.message = next ? 'The top questions are on every screen.' : 'Questions taken off the screens.';
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : 'Could not change what the screens show.';
    }
  }

  private handleGoTo(question: Question): void {
    this.dialog.close();
    this.dispatchEvent(podiumEvent('podium-slide-select', { index: question.slide }));
  }

  private renderQuestion(question: Question) {
    const { state } = question;
    return html`<li>
      <p class="text">${question.text}</p>
      <p class="meta">
        ${state === 'answered' ? html`<span class="tag answered">Answered</span>` : nothing}
        ${state === 'hidden' ? html`<span class="tag hidden-tag">Hidden</span>` : nothing}
        <span>${question.votes} ${question.votes === 1 ? 'vote' : 'votes'}</span>
      </p>
      <div class="actions">
        <button @click=${() => void this.handleState(question, state === 'answered' ? 'open' : 'answered')}>
          ${state === 'answered' ? 'Reopen' : 'Answered'}
        </button>
        <button @click=${() => void this.handleState(question, state === 'hidden' ? 'open' : 'hidden')}>
          ${state === 'hidden' ? 'Unhide' : 'Hide'}
        </button>
        <button @click=${() => this.handleGoTo(question)}>Go to slide ${question.slide + 1}</button>
      </div>
    </li>`;
  }

  private renderDialog() {
    // The report page finds this device's key in its storage: no key in a URL, so none in history.
    const reportHref = `/d/${encodeURIComponent(this.deckId)}/report`;
    return html`<dialog aria-labelledby="admin-heading">
      ${dialogHeader('admin-heading', 'Audience questions', this.handleClose)}
      <div class="actions">
        <button aria-pressed=${this.onScreen ? 'true' : 'false'} @click=${this.handleOnScreen}>
          Top questions on screen
        </button>
        <a class="button" href=${reportHref} target="_blank" rel="noopener">Talk report</a>
      </div>
      <p class="notice" role="status">${this.message}</p>
      ${
        this.questions.length === 0
          ? html`<p class="empty">No questions yet.</p>`
          : html`<ol class="list" aria-label="Questions, most votes first">
              ${this.questions.map((q) => this.renderQuestion(q))}
            </ol>`
      }
    </dialog>`;
  }

  override render() {
    const unseen = this.unseen;
    return html`<button
        class="open"
        aria-label="Audience questions, ${unseen} new"
        title="Audience questions"
        @click=${this.handleOpen}
      >
        ${questionIcon}${unseen > 0 ? html`<span class="badge" aria-hidden="true">${unseen}</span>` : nothing}
      </button>
      ${this.dialog.opened ? this.renderDialog() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-questions-admin': PodiumQuestionsAdmin;
  }
}
