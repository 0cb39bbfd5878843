import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
// The server takes decks up to 1 MiB; bigger files are refused before upload.
import { MAX_DECK_BYTES as MAX_MARKDOWN_BYTES } from '../../../shared/deck-rules.js';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { createDeck } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import { audiencePath, talkCode } from '../../utils/deck-path.js';
import { podiumEvent } from '../events.js';
import '../podium-deck-links/podium-deck-links.js';
import { startStyles } from './podium-start.styles.js';

const PLACEHOLDER = `# My talk

A subtitle or your name

---

## Second slide

- One point
- Another point

Note:
Speaker notes: only the remote shows them.`;

/**
 * The start page at `/`: create a deck from Markdown (typed, pasted, uploaded or dropped)
 * and get its audience and remote links with QR codes, or join a talk by its code.
 */
@customElement('podium-start')
export class PodiumStart extends LitElement {
  static override styles = startStyles;

  @state() private markdown = '';
  @state() private deckTitle = '';
  @state() private adminToken = '';
  @state() private needsAdminToken = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private joinError = '';
  @state() private dragging = false;
  @state() private created: CreateDeckResponse | null = null;

  private async readFile(file: File): Promise<void> {
    if (file.size > MAX_MARKDOWN_BYTES) {
      this.error = `That file is ${(file.size / 1048576).toFixed(1)} MiB; a deck can be at most 1 MiB.`;
      return;
    }
    this.markdown = await file.text();
    this.error = '';
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.markdown.trim()) {
      this.error = 'Write or drop some Markdown first: one slide is enough.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const title = this.deckTitle.trim();
      const response = await createDeck(
        title ? { markdown: this.markdown, title } : { markdown: this.markdown },
        this.adminToken.trim() || undefined,
      );
      this.created = response;
      this.dispatchEvent(podiumEvent('podium-deck-created', response));
      await this.updateComplete;
      await this.renderRoot.querySelector('podium-deck-links')?.focusHeading();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError && error.status === 401) this.needsAdminToken = true;
    } finally {
      this.busy = false;
    }
  }

  private handleJoin(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
    const code = talkCode(input?.value ?? '');
    if (!code) {
      this.joinError = 'Type the talk code you were given.';
      return;
    }
    location.assign(audiencePath(code));
  }

  private handleMarkdownInput(event: InputEvent): void {
    this.markdown = (event.target as HTMLTextAreaElement).value;
  }

  private handleTitleInput(event: InputEvent): void {
    this.deckTitle = (event.target as HTMLInputElement).value;
  }

  private handleAdminTokenInput(event: InputEvent): void {
    this.adminToken = (event.target as HTMLInputElement).value;
  }

  private handleFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.readFile(file);
    input.value = '';
  }

  private handleDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  private handleDragLeave(): void {
    this.dragging = false;
  }

  private handleDrop(event: DragEvent): void {
    const file = event.dataTransfer?.files[0];
    this.dragging = false;
    if (!file) return;
    event.preventDefault();
    void this.readFile(file);
  }

  override render() {
    return html`<main>
      <header class="hero">
        <h1><img src="/favicon.svg" alt="" />Podium</h1>
        <p>Live slides: you drive from your phone, everyone follows on their own screen.</p>
      </header>
      ${this.created ? html`<podium-deck-links .created=${this.created}></podium-deck-links>` : nothing}
      <div class="columns">
        <section class="card" aria-labelledby="create-heading">
          <h2 id="create-heading">Start a talk</h2>
          <form @submit=${this.handleCreate} novalidate>
            <label for="title">Title <span class="optional">(optional)</span></label>
            <input
              id="title"
              autocomplete="off"
              placeholder="Taken from the first # heading if empty"
              .value=${this.deckTitle}
              @input=${this.handleTitleInput}
            />
            <label for="markdown">Slides in Markdown</label>
            <div
              class="drop ${this.dragging ? 'dragging' : ''}"
              @dragover=${this.handleDragOver}
              @dragleave=${this.handleDragLeave}
              @drop=${this.handleDrop}
            >
              <textarea
                id="markdown"
                spellcheck="false"
                placeholder=${PLACEHOLDER}
                aria-describedby="markdown-hint"
                .value=${this.markdown}
                @input=${this.handleMarkdownInput}
              ></textarea>
            </div>
            <p class="hint" id="markdown-hint">
              Paste Markdown or drop a <code>.md</code> file here. A line with only <code>---</code> starts a new slide;
              after a line <code>Note:</code> come speaker notes.
            </p>
            ${
              this.needsAdminToken
                ? html`<label for="admin-token">Admin token</label>
                    <input
                      id="admin-token"
                      type="password"
                      autocomplete="off"
                      .value=${this.adminToken}
                      @input=${this.handleAdminTokenInput}
                    />`
                : nothing
            }
            <div class="row">
              <label class="button">
                Open a .md file
                <input
                  class="visually-hidden"
                  type="file"
                  accept=".md,.markdown,text/markdown,text/plain"
                  @change=${this.handleFileChange}
                />
              </label>
              <span class="spacer"></span>
              <button class="primary" type="submit" ?disabled=${this.busy}>
                ${this.busy ? 'Creating…' : 'Create deck'}
              </button>
            </div>
            <p class="error" role="alert">${this.error}</p>
          </form>
        </section>
        <section class="card" aria-labelledby="join-heading">
          <h2 id="join-heading">Join a talk</h2>
          <form @submit=${this.handleJoin} novalidate>
            <label for="code">Talk code or link</label>
            <div class="row tight">
              <input id="code" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="e.g. k3x9q2" />
              <button class="primary" type="submit">Join</button>
            </div>
            <p class="error" role="alert">${this.joinError}</p>
          </form>
        </section>
      </div>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-start': PodiumStart;
  }
}
