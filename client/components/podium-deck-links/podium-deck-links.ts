import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CreateDeckResponse, LinkBasesResponse } from '../../../shared/protocol.js';
import { fetchLinkBases, rebaseLink } from '../../api/link-api.js';
import '../podium-import-report/podium-import-report.js';
import '../podium-qr/podium-qr.js';
import { deckLinksStyles } from './podium-deck-links.styles.js';

type Which = 'audience' | 'remote';

/** Where the presenter's pick of address is kept for the next deck. */
const CHOSEN_BASE_KEY = 'podium:link-base';

function savedBase(): string | null {
  try {
    return localStorage.getItem(CHOSEN_BASE_KEY);
  } catch {
    return null;
  }
}

/**
 * The panel shown once a deck is created: its title and talk code, and the audience and
 * remote links, each with a QR code, a copy button and an open link, and the import report.
 */
@customElement('podium-deck-links')
export class PodiumDeckLinks extends LitElement {
  static override styles = deckLinksStyles;

  /** The new deck and its links; nothing renders while null. */
  @property({ attribute: false }) created: CreateDeckResponse | null = null;

  @state() private copied: Which | null = null;
  /** The presenter link stays hidden until asked: a mirrored projector would show it to the room. */
  @state() private remoteShown = false;
  /** The address links use and the machine's others; null until the server answered. */
  @state() private bases: LinkBasesResponse | null = null;
  /** The base the presenter picked among `bases.choices`; '' for the server's. */
  @state() private chosen = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('created') && this.created && !this.bases) void this.loadBases();
  }

  private async loadBases(): Promise<void> {
    try {
      const bases = await fetchLinkBases();
      const saved = savedBase();
      this.chosen = bases.choices.some((choice) => choice.base === saved) ? (saved ?? '') : '';
      this.bases = bases;
    } catch {
      // The links as created still work; only the choice of address is missing.
    }
  }

  /** A link the server returned, at the address the presenter picked. */
  private linkAt(url: string): string {
    return this.chosen ? rebaseLink(url, this.chosen) : url;
  }

  /** Moves focus to the panel's heading, so keyboard and screen-reader users land on the result. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  private async handleCopy(which: Which, url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.copied = which;
      setTimeout(() => (this.copied = null), 2000);
    } catch {
      // No clipboard (plain http on a LAN): select the text so Ctrl+C works.
      this.renderRoot.querySelector<HTMLInputElement>(`#${which}-link`)?.select();
    }
  }

  private handleBaseChange(event: Event): void {
    const base = (event.target as HTMLSelectElement).value;
    this.chosen = base === this.bases?.base ? '' : base;
    try {
      if (this.chosen) localStorage.setItem(CHOSEN_BASE_KEY, this.chosen);
      else localStorage.removeItem(CHOSEN_BASE_KEY);
    } catch {
      // Storage off: the pick lasts for this page.
    }
  }

  private handleShowRemote(): void {
    this.remoteShown = true;
  }

  private renderHiddenRemote(remote: string) {
    // The presenter view (laptop) takes the same key in its fragment; opened here, it never shows a QR code.
    const present = remote.replace('/remote#', '/present#');
    return html`<div class="link">
      <div>
        <h3>Presenter remote</h3>
        <p class="warning" role="note">
          Don't show this on the projector: anyone who scans it can move your slides. Show it only on a screen the room
          cannot see.
        </p>
        <div class="actions">
          <button @click=${this.handleShowRemote}>Show presenter QR code</button>
          <a class="button" href=${present} target="_blank" rel="noopener">Open the presenter view</a>
        </div>
      </div>
    </div>`;
  }

  private renderLink(which: Which, url: string, heading: string, text: string) {
    return html`<div class="link">
      <podium-qr .value=${url} label="QR code for the ${which} link"></podium-qr>
      <div>
        <h3>${heading}</h3>
        <p>${text}</p>
        <label class="visually-hidden" for="${which}-link">${heading}</label>
        <input id="${which}-link" readonly .value=${url} />
        <div class="actions">
          <button @click=${() => this.handleCopy(which, url)}>${this.copied === which ? 'Copied' : 'Copy link'}</button>
          <a class="button" href=${url} target="_blank" rel="noopener">Open</a>
        </div>
      </div>
    </div>`;
  }

  private renderAddress(origin: string) {
    const bases = this.bases;
    const choices = bases?.choices ?? [];
    const current = choices.find((choice) => choice.base === origin);
    const why =
      bases?.source === 'public_url'
        ? html`, set by <code>PUBLIC_URL</code>`
        : current
          ? html`, this machine's address on ${current.name}`
          : html`, the address this page was opened on`;
    return html`<div class="address">
      <p id="address-note">Links use <strong>${origin}</strong>${why}: phones in the room must reach it.</p>
      ${
        choices.length > 1
          ? html`<label>
                Address for links
                <select aria-describedby="address-note" @change=${this.handleBaseChange}>
                  ${choices.map(
                    (choice) =>
                      html`<option value=${choice.base} ?selected=${choice.base === origin}>
                        ${choice.address} (${choice.name}, ${choice.family})
                      </option>`,
                  )}
                </select>
              </label>
              <p>
                This machine has several networks: pick the one the room's phones are on (the venue Wi-Fi, not a VPN).
              </p>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const created = this.created;
    if (!created) return nothing;
    return html`<section aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">
        “${created.deck.title}” is ready · code <span class="code">${created.deck.id}</span>
      </h2>
      <div class="links">
        ${this.renderLink(
          'audience',
          this.linkAt(created.links.audience),
          'Audience link',
          'Share it with the room: put the QR code on screen or send the link.',
        )}
        ${
          this.remoteShown
            ? this.renderLink(
                'remote',
                this.linkAt(created.links.remote),
                'Presenter remote',
                "For you only: it carries the key that moves the slides. Scan it with your phone; don't show it on the projector.",
              )
            : this.renderHiddenRemote(created.links.remote)
        }
      </div>
      ${this.renderAddress(new URL(this.linkAt(created.links.audience)).origin)}
      <podium-import-report .warnings=${created.warnings}></podium-import-report>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-deck-links': PodiumDeckLinks;
  }
}
