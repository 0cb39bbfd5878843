import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CreateKeyResponse, PresenterKeyInfo } from '../../../shared/protocol.js';
import { ApiError } from '../../api/request.js';
import { DialogController } from '../../controllers/dialog-controller.js';
import { dialogHeader } from '../dialog-header.js';
import { pairDeviceStyles } from './podium-pair-device.styles.js';
import { createPresenterKey, listPresenterKeys, revokePresenterKey } from '../../api/pairing-api.js';
import '../podium-qr/podium-qr.js';

const pairIcon = svg`<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor"
  stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <rect x="6" y="2.5" width="12" height="19" rx="2.5" /><path d="M12 9v6M9 12h6" /></svg>`;

/** How often the list is read again while a new code waits to be used, in ms. */
const WATCH_MS = 2000;

/**
 * "Pair another device" for the presenter remote: a button that opens a dialog where the
 * presenter mints a new presenter key (shown once, as a QR code of its remote link, for a
 * second phone or a co-presenter) and sees and revokes the keys that can drive the deck.
 */
@customElement('podium-pair-device')
export class PodiumPairDevice extends LitElement {
  static override styles = pairDeviceStyles;

  /** The deck whose keys are managed; default none. */
  @property({ attribute: 'deck-id' }) deckId = '';
  /** This remote's own presenter key, which authorizes minting and revoking; never an attribute. */
  @property({ attribute: false }) presenterKey = '';

  @state() private busy = false;
  @state() private pairing: CreateKeyResponse | null = null;
  @state() private keys: PresenterKeyInfo[] = [];
  @state() private message = '';

  @query('input[name="label"]') private labelInput!: HTMLInputElement | null;

  private readonly dialog = new DialogController(this, () => {
    clearInterval(this.watchTimer);
    // The new key is shown once; closing the dialog forgets it.
    this.pairing = null;
  });

  /** While a new code is shown, the list is read again every few seconds to see it used. */
  private watchTimer: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.watchTimer);
  }

  private async handleOpen(): Promise<void> {
    this.pairing = null;
    this.message = '';
    await this.dialog.open();
    await this.refresh();
  }

  private handleClose(): void {
    this.dialog.close();
  }

  private handleLinkFocus(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  private async handlePair(): Promise<void> {
    await this.run(async () => {
      this.pairing = await createPresenterKey(
        this.deckId,
        this.presenterKey,
        this.labelInput?.value.trim() || undefined,
      );
      this.keys = await listPresenterKeys(this.deckId, this.presenterKey);
      this.message = `Code ready: the first device to open it is paired, then the link is spent.`;
      const linkId = this.pairing.id;
      clearInterval(this.watchTimer);
      this.watchTimer = setInterval(() => void this.watchLink(linkId), WATCH_MS);
    });
  }

  /** Once the shown link is spent, hides its code and names the device it paired. */
  private async watchLink(linkId: string): Promise<void> {
    if (this.busy) return;
    try {
      this.keys = await listPresenterKeys(this.deckId, this.presenterKey);
    } catch {
      return; // Try again on the next tick.
    }
    if (this.pairing?.id !== linkId || this.keys.some((key) => key.id === linkId)) return;
    clearInterval(this.watchTimer);
    this.pairing = null;
    const device = this.keys.filter((key) => key.kind === 'device' && !key.current).at(-1);
    this.message = `Paired: “${device?.label ?? 'a device'}” can drive this deck; that code no longer works.`;
  }

  private async handleRevoke(key: PresenterKeyInfo): Promise<void> {
    await this.run(async () => {
      await revokePresenterKey(this.deckId, this.presenterKey, key.id);
      if (this.pairing?.id === key.id) {
        this.pairing = null;
        clearInterval(this.watchTimer);
      }
      this.keys = await listPresenterKeys(this.deckId, this.presenterKey);
      this.message = `Revoked: “${key.label}” can no longer change slides.`;
    });
  }

  private async refresh(): Promise<void> {
    await this.run(async () => {
      this.keys = await listPresenterKeys(this.deckId, this.presenterKey);
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : 'Something went wrong; please try again.';
    } finally {
      this.busy = false;
    }
  }

  private renderPairing(pairing: CreateKeyResponse) {
    return html`<figure>
      <podium-qr .value=${pairing.links.remote} label="QR code of the new remote link"></podium-qr>
      <figcaption>
        Scan it with the other phone’s camera. It pairs one device, once: give it only to a co-presenter.
      </figcaption>
      <input readonly aria-label="New remote link" .value=${pairing.links.remote} @focus=${this.handleLinkFocus} />
    </figure>`;
  }

  private renderNewCode() {
    return html`<p>
        Make a code for a second phone or a co-presenter. Each device gets its own key, which you can revoke here.
      </p>
      <div class="row">
        <input name="label" maxlength="100" placeholder="Name, e.g. Anna’s phone" aria-label="Name of the new device" />
        <button class="primary" ?disabled=${this.busy} @click=${this.handlePair}>New pairing code</button>
      </div>`;
  }

  private renderKeys() {
    return html`<h3>Devices that can drive this deck</h3>
      <ul>
        ${this.keys.map(
          (key) =>
            html`<li>
              <span class="label">${key.label}</span>
              <small
                >${key.kind === 'link' ? 'Link not opened yet · ' : ''}${new Date(key.createdAt).toLocaleDateString()}</small
              >
              ${
                key.current
                  ? html`<small>This device</small>`
                  : html`<button
                      ?disabled=${this.busy}
                      aria-label="Revoke ${key.label}"
                      @click=${() => this.handleRevoke(key)}
                    >
                      Revoke
                    </button>`
              }
            </li>`,
        )}
      </ul>`;
  }

  private renderDialog() {
    return html`<dialog aria-labelledby="pair-heading">
      ${dialogHeader('pair-heading', 'Pair another device', this.handleClose)}
      ${this.pairing ? this.renderPairing(this.pairing) : this.renderNewCode()} ${this.renderKeys()}
      <p role="status">${this.message}</p>
    </dialog>`;
  }

  override render() {
    // The dialog exists only while open: the remote keeps a single dialog (its grid) otherwise.
    return html`<button
        class="icon"
        aria-label="Pair another device"
        title="Pair another device"
        @click=${this.handleOpen}
      >
        ${pairIcon}
      </button>
      ${this.dialog.opened ? this.renderDialog() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-pair-device': PodiumPairDevice;
  }
}
