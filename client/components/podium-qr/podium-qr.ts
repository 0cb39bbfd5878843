import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import QRCode from 'qrcode';

/**
 * A QR code for a link, drawn on a canvas by the `qrcode` package. Always dark on white,
 * also in dark mode, because that is what phone cameras read best.
 */
@customElement('podium-qr')
export class PodiumQr extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      line-height: 0;
    }
    canvas {
      width: var(--podium-qr-size, 168px) !important;
      height: var(--podium-qr-size, 168px) !important;
      border-radius: 8px;
      background: #fff;
      image-rendering: pixelated;
    }
  `;

  /** The text to encode (a URL); default none, which draws nothing. */
  @property() value = '';
  /** Accessible name of the image; default "QR code". */
  @property() label = 'QR code';

  @query('canvas') private canvas!: HTMLCanvasElement | null;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('value') || !this.canvas || !this.value) return;
    QRCode.toCanvas(this.canvas, this.value, {
      width: 336,
      margin: 2,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    }).catch(() => undefined);
  }

  override render() {
    return html`<canvas role="img" aria-label=${this.label}></canvas>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-qr': PodiumQr;
  }
}
