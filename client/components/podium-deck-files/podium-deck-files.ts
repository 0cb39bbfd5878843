import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buildBundle, formatBytes, UPLOAD_LIMITS, type ChosenFile, type DeckBundle } from '../../utils/deck-bundle.js';
import { droppedFiles, inputFiles } from '../../utils/dropped-files.js';
import { podiumEvent } from '../events.js';
import { deckFilesStyles } from './podium-deck-files.styles.js';

const ACCEPT = '.md,.markdown,.pdf,.png,.jpg,.jpeg,.gif,.webp,.avif,.svg,text/markdown,application/pdf,image/*';

/** `talk.md with 2 images` or `talk.pdf with speaker notes from talk.notes.md`. */
function describe(bundle: DeckBundle): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (bundle.kind === 'pdf') {
    const notes = bundle.assets[0];
    return notes ? `PDF with speaker notes from ${notes.name}` : 'PDF, no speaker notes';
  }
  const others = bundle.assets.length - bundle.images;
  const parts = [bundle.images ? `with ${plural(bundle.images, 'image')}` : 'Markdown, no images'];
  if (others) parts.push(`and ${plural(others, 'other Markdown file')}`);
  return parts.join(' ');
}

/**
 * The files part of the start page: a drop zone that is also a button opening the file
 * chooser (several files at once), a "Choose a folder" button, and what will be uploaded.
 * Fires `podium-files-change` with the upload (or null), and `podium-markdown-file` with
 * the text when a single `.md` comes alone (it goes to the text box, as pasted Markdown).
 */
@customElement('podium-deck-files')
export class PodiumDeckFiles extends LitElement {
  static override styles = deckFilesStyles;

  @state() private bundle: DeckBundle | null = null;
  @state() private error = '';
  @state() private dragging = false;

  /** Takes the files of a drop made elsewhere on the page (the text box). */
  takeDrop(transfer: DataTransfer): void {
    void droppedFiles(transfer).then((files) => this.take(files));
  }

  /** Forgets the chosen files (after a deck is created, or on "Remove"). */
  clear(): void {
    this.bundle = null;
    this.error = '';
    this.dispatchEvent(podiumEvent('podium-files-change', { bundle: null }));
  }

  private async take(files: ChosenFile[]): Promise<void> {
    if (files.length === 0) return;
    const only = files[0];
    if (files.length === 1 && only && /\.(md|markdown)$/i.test(only.path) && !only.path.includes('/')) {
      if (only.file.size > UPLOAD_LIMITS.markdownBytes) {
        this.error = `That file is ${formatBytes(only.file.size)}; a deck can be at most 1 MiB.`;
        return;
      }
      this.clear();
      this.dispatchEvent(podiumEvent('podium-markdown-file', { text: await only.file.text() }));
      return;
    }
    const bundle = await buildBundle(files);
    this.bundle = typeof bundle === 'string' ? null : bundle;
    this.error = typeof bundle === 'string' ? bundle : '';
    this.dispatchEvent(podiumEvent('podium-files-change', { bundle: this.bundle }));
  }

  private handleInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.take(inputFiles(input));
    input.value = '';
  }

  private handleChoose(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#deck-files')?.click();
  }

  private handleDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  private handleDrop(event: DragEvent): void {
    this.dragging = false;
    if (!event.dataTransfer) return;
    event.preventDefault();
    this.takeDrop(event.dataTransfer);
  }

  private renderChosen(bundle: DeckBundle) {
    const count = bundle.assets.length + 1;
    return html`<div class="chosen" role="status">
      <p>
        Ready to upload: <strong>${bundle.deck.name}</strong> — ${describe(bundle)} · ${formatBytes(bundle.totalBytes)}
      </p>
      ${
        bundle.assets.length
          ? html`<details>
              <summary>Show the ${count} files</summary>
              <ul>
                ${[bundle.deck, ...bundle.assets].map(
                  ({ name, file }) => html`<li><code>${name}</code> ${formatBytes(file.size)}</li>`,
                )}
              </ul>
            </details>`
          : nothing
      }
      <button type="button" @click=${() => this.clear()}>Remove files</button>
    </div>`;
  }

  override render() {
    return html`<div class="row">
        <button
          type="button"
          class="dropzone ${this.dragging ? 'dragging' : ''}"
          aria-describedby="files-hint"
          @click=${this.handleChoose}
          @dragover=${this.handleDragOver}
          @dragleave=${() => (this.dragging = false)}
          @drop=${this.handleDrop}
        >
          <strong>Drop your deck here, or choose files</strong>
          <span id="files-hint">A .md with its images, a .pdf with its .notes.md, or a whole folder</span>
        </button>
        <input
          id="deck-files"
          class="visually-hidden"
          type="file"
          multiple
          tabindex="-1"
          aria-label="Deck files"
          accept=${ACCEPT}
          @change=${this.handleInput}
        />
        <label class="button folder">
          Choose a folder
          <input class="visually-hidden" type="file" webkitdirectory @change=${this.handleInput} />
        </label>
      </div>
      ${this.bundle ? this.renderChosen(this.bundle) : nothing}
      <p class="error" role="alert">${this.error}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-deck-files': PodiumDeckFiles;
  }
}
