import type { ZkCloseSource } from '../../events/request-close.js';

/**
 * The keyboard and pointer rules of the dialog as a modal (WAI-ARIA modal dialog pattern): where
 * Tab and Shift+Tab go, and whether a click landed on the backdrop. DOM helpers without state.
 */

/** The deepest focused element, through open shadow roots. */
export function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * Where Tab (or Shift+Tab) moves focus inside `dialog`, wrapping at either end so focus never
 * leaves it for the page or the browser; the dialog itself when nothing inside can take focus.
 */
export function nextTabStop(dialog: HTMLDialogElement, active: Element | null | undefined, backwards: boolean): HTMLElement {
  const tabbables = [...dialog.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
  if (tabbables.length === 0) return dialog;
  const first = tabbables[0];
  const last = tabbables[tabbables.length - 1];
  if (!(active instanceof HTMLElement) || !dialog.contains(active) || active === dialog) return backwards ? last : first;
  const index = tabbables.indexOf(active);
  if (index >= 0) return tabbables[(index + (backwards ? -1 : 1) + tabbables.length) % tabbables.length];
  if (backwards) return tabbables.filter((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING).at(-1) ?? last;
  return tabbables.find((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? first;
}

/** True when a click on the dialog element fell outside its box: on the backdrop. */
export function isOnBackdrop(dialog: HTMLDialogElement | null, event: MouseEvent): boolean {
  if (!dialog || event.target !== dialog) return false;
  const r = dialog.getBoundingClientRect();
  return event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom;
}

/** What the modal input rules need from the element. */
export interface ModalHost {
  dialog(): HTMLDialogElement | null;
  /** The focused element inside the element's shadow root. */
  activeElement(): Element | null | undefined;
  /** The user asked to close (the element fires the cancelable `zk-request-close`). */
  requestClose(source: ZkCloseSource): void;
}

/**
 * The keyboard and pointer listeners of a modal `<dialog>`: Escape (and the native cancel) ask to
 * close, Tab wraps inside, a click that starts and ends on the backdrop asks to close.
 */
export class ModalInput {
  private pointerDownOnBackdrop = false;

  constructor(private readonly host: ModalHost) {}

  readonly keydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Handled here (not through the native cancel) so the host's veto always holds.
      event.preventDefault();
      event.stopPropagation();
      this.host.requestClose('keyboard');
    } else if (event.key === 'Tab') {
      // Tab and Shift+Tab wrap inside the dialog, so focus never leaves it for the page or the browser.
      const dialog = this.host.dialog();
      if (!dialog) return;
      event.preventDefault();
      nextTabStop(dialog, this.host.activeElement(), event.shiftKey).focus();
    }
  };

  /** A close request that did not come through keydown (e.g. a platform back gesture). */
  readonly cancel = (event: Event): void => {
    event.preventDefault();
    this.host.requestClose('keyboard');
  };

  readonly pointerdown = (event: PointerEvent): void => {
    this.pointerDownOnBackdrop = isOnBackdrop(this.host.dialog(), event);
  };

  readonly click = (event: MouseEvent): void => {
    const fromBackdrop = this.pointerDownOnBackdrop && isOnBackdrop(this.host.dialog(), event);
    this.pointerDownOnBackdrop = false;
    if (fromBackdrop) this.host.requestClose('backdrop');
  };
}
