import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the page is being printed, so the host renders what print needs only then: true
 * from the host's own `print()` until `afterprint`, and while the browser prints by itself
 * (its menu or Ctrl+P: `beforeprint`; print media emulated: the `print` media query).
 */
export class PrintController implements ReactiveController {
  /** True while the host should render its printed form. */
  active = false;

  private readonly media = matchMedia('print');
  private requested = false;
  private readonly handleBefore = () => this.set(true);
  private readonly handleAfter = () => {
    this.requested = false;
    this.set(this.media.matches);
  };
  private readonly handleMedia = () => this.set(this.requested || this.media.matches);

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.handleBefore);
    addEventListener('afterprint', this.handleAfter);
    this.media.addEventListener('change', this.handleMedia);
    this.active = this.media.matches;
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.handleBefore);
    removeEventListener('afterprint', this.handleAfter);
    this.media.removeEventListener('change', this.handleMedia);
  }

  /** Renders the printed form, waits for `ready` (its images), then opens the browser's print dialog. */
  async print(ready: () => Promise<void>): Promise<void> {
    this.requested = true;
    this.set(true);
    await this.host.updateComplete;
    await ready();
    window.print();
  }

  private set(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    this.host.requestUpdate();
  }
}
