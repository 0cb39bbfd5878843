import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A Lit host whose shadow root holds one `<dialog>`. */
type DialogHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The focused element, looked up through open shadow roots; null when nothing (or the body) has focus. */
function focusedElement(): HTMLElement | null {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused instanceof HTMLElement && focused !== document.body ? focused : null;
}

/** True when `node` is `container` or inside it, across shadow roots. */
function isWithin(node: Node, container: Node): boolean {
  for (let current: Node | null = node; current;) {
    if (current === container) return true;
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return false;
}

/**
 * The modal `<dialog>` of a component: `open()` renders it (`opened` turns true, the host
 * updates) and shows it modal; the close button calls `close()`, and a click on the backdrop
 * or Escape closes it too. While it is open, keys pressed in it are its own: none reaches the
 * page's shortcuts (arrows scroll, Space toggles, typing types). Closing hands focus back at
 * once to the control that opened it, or, opened by a page shortcut with nothing focused,
 * takes focus out of the closed dialog, so the next key goes to the page and is not lost.
 * `onClose` runs once the dialog has closed, however it closed.
 */
export class DialogController implements ReactiveController {
  /** True from `open()` until the dialog has closed; hosts render the dialog only then, or always. */
  opened = false;

  private dialog: HTMLDialogElement | null = null;
  private opener: HTMLElement | null = null;

  constructor(
    private readonly host: DialogHost,
    private readonly onClose: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.detach();
    this.opened = false;
  }

  /** Renders and shows the dialog, remembering the focused control to return to; no-op while open. */
  async open(): Promise<void> {
    if (this.dialog?.open) return;
    this.opener = focusedElement();
    this.opened = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    this.detach();
    this.dialog = dialog;
    dialog.addEventListener('click', this.handleClick);
    dialog.addEventListener('keydown', this.handleKeydown);
    dialog.addEventListener('close', this.handleClose);
    dialog.showModal();
  }

  /** Closes the dialog and hands focus back at once (see the class doc). */
  close(): void {
    if (!this.dialog?.open) return;
    this.dialog.close();
    this.handleClose();
  }

  private handFocusBack(dialog: HTMLDialogElement): void {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected && !isWithin(opener, dialog)) {
      opener.focus();
      return;
    }
    // The browser would leave focus in the closed dialog until its next frame.
    const focused = focusedElement();
    if (focused && isWithin(focused, dialog)) focused.blur();
  }

  private detach(): void {
    this.dialog?.removeEventListener('click', this.handleClick);
    this.dialog?.removeEventListener('keydown', this.handleKeydown);
    this.dialog?.removeEventListener('close', this.handleClose);
    this.dialog = null;
  }

  private readonly handleClick = (event: MouseEvent): void => {
    // A click on the dialog box itself, outside its content, is a click on the backdrop.
    if (event.target === this.dialog) this.close();
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      this.close();
    }
  };

  /** Once closed, by `close()` or by the browser: focus back, `opened` false at once (no key in between sees it open). */
  private readonly handleClose = (): void => {
    const dialog = this.dialog;
    if (!dialog) return;
    this.handFocusBack(dialog);
    this.detach();
    this.opened = false;
    this.host.requestUpdate();
    this.onClose();
  };
}
