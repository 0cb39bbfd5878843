import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CreateDeckResponse } from '../../../shared/protocol.js';
import { createDeck, uploadDeck } from '../../api/deck-api.js';
import { ApiError } from '../../api/request.js';
import type { DeckBundle } from '../../utils/deck-bundle.js';
import { audiencePath, talkCode } from '../../utils/deck-path.js';
import { podiumEvent, type FilesChangeDetail, type MarkdownFileDetail } from '../events.js';
import '../podium-deck-files/podium-deck-files.js';
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
 * The start page at `/`: create a deck from Markdown (typed or pasted, sent as JSON) or
 * from files (a .md with its images, a PDF with its notes, a folder; chosen or dropped,
 * sent as multipart), and get its audience and remote links with QR codes, or join a talk by its code.
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
  @state() private bundle: DeckBundle | null = null;

  private send(): Promise<CreateDeckResponse> {
    const title = this.deckTitle.trim();
    const adminToken = this.adminToken.trim() || undefined;
    if (this.bundle) return uploadDeck(this.bundle, title, adminToken);
    return createDeck(title ? { markdown: this.markdown, title } : { markdown: this.markdown }, adminToken);
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.bundle && !this.markdown.trim()) {
      this.error = 'Write some Markdown, or choose or drop your deck, first: one slide is enough.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const response = await this.send();
      this.created = response;
      this.dispatchEvent(podiumEvent('podium-deck-created', response));
      this.renderRoot.querySelector('podium-deck-files')?.clear();
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

  private handleFilesChange(event: CustomEvent<FilesChangeDetail>): void {
    this.bundle = event.detail.bundle;
    this.error = '';
  }

  private handleMarkdownFile(event: CustomEvent<MarkdownFileDetail>): void {
    this.markdown = event.detail.text;
    this.error = '';
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
    this.dragging = false;
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    this.renderRoot.querySelector('podium-deck-files')?.takeDrop(event.dataTransfer);
  }

  private renderMarkdown() {
    return html`<label for="markdown">Slides in Markdown</label>
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
        Or paste Markdown here. A line with only <code>---</code> starts a new slide; after a line
        <code>Note:</code> come speaker notes.
      </p>`;
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
              placeholder="Taken from the deck if empty"
              .value=${this.deckTitle}
              @input=${this.handleTitleInput}
            />
            <h3 class="label" id="files-heading">Your deck</h3>
            <podium-deck-files
              role="group"
              aria-labelledby="files-heading"
              @podium-files-change=${this.handleFilesChange}
              @podium-markdown-file=${this.handleMarkdownFile}
            ></podium-deck-files>
            ${this.bundle ? nothing : this.renderMarkdown()}
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
              <p class="busy" role="status">
                ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>Preparing your deck…` : nothing}
              </p>
              <span class="spacer"></span>
              <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
                ${this.busy ? 'Preparing…' : 'Create deck'}
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
