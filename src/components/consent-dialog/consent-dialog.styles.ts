import { css } from 'lit';

/** Styles of `<zk-consent-dialog>`. Public `--zk-consent-*` tokens are read into private `--_zk-consent-*` ones. */
export const styles = css`
  :host {
    --_zk-consent-width: var(--zk-consent-dialog-width, 40rem);
    --_zk-consent-background: var(--zk-consent-dialog-background, var(--_zk-background));
    --_zk-consent-backdrop: var(--zk-consent-dialog-backdrop, rgb(0 0 0 / 0.55));
    --_zk-consent-permit: var(--zk-consent-permit-color, var(--_zk-success));
    --_zk-consent-deny: var(--zk-consent-deny-color, var(--_zk-danger));
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    width: min(var(--_zk-consent-width), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_zk-border);
    border-radius: var(--_zk-radius);
    background: var(--_zk-consent-background);
    color: var(--_zk-text);
    font: inherit;
    overflow: auto;
    overscroll-behavior: contain;
    /* What is inside follows the dialog's own width. */
    container: zk-consent-dialog / inline-size;
  }
  /*
   * A phone (or a window made short by an on-screen keyboard that resizes it): the dialog fills the
   * screen. It scrolls up and down only, so every button is reachable without sideways scrolling.
   * A modal dialog covers the viewport wherever its element sits, so this follows the viewport.
   */
  @media (max-width: 35.99rem), (max-height: 30rem) {
    dialog {
      width: 100%;
      max-width: 100%;
      height: 100%;
      max-height: 100%;
      margin: 0;
      border: 0;
      border-radius: 0;
    }
  }
  dialog::backdrop {
    background: var(--zk-consent-dialog-backdrop, rgb(0 0 0 / 0.55));
  }

  .body {
    display: grid;
    gap: calc(var(--_zk-space) * 2);
    padding: calc(var(--_zk-space) * 2);
  }

  header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_zk-space);
  }
  h2, h3 {
    margin: 0;
    line-height: 1.25;
  }
  h2 { font-size: 1.3em; }
  h3 { font-size: 1.1em; }
  h2:focus, h3:focus, [tabindex='-1']:focus {
    outline: none;
  }
  h2:focus-visible, h3:focus-visible, [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_zk-focus);
    outline-offset: 2px;
  }

  .close {
    flex: none;
    min-width: 2rem;
    min-height: 2rem;
    font-size: 1.25em;
    line-height: 1;
  }

  p { margin: 0; }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_zk-space) / 2) calc(var(--_zk-space) * 2);
    margin: 0;
  }
  dl > div { display: contents; }
  dt { color: var(--_zk-muted); }
  dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }

  .request, .step, .history, .note, .close-confirm {
    display: grid;
    gap: var(--_zk-space);
  }
  .step, .close-confirm {
    padding: calc(var(--_zk-space) * 1.5);
    border: 1px solid var(--_zk-border);
    border-radius: var(--_zk-radius);
    background: var(--_zk-surface);
  }
  .close-confirm { border-color: var(--_zk-warning); border-width: 2px; }
  .sentence { font-weight: 600; }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_zk-space);
  }
  .zk-button { min-height: 2.25rem; }

  .note {
    padding: var(--_zk-space);
    border-inline-start: 4px solid var(--_zk-warning);
    background: var(--_zk-surface);
  }
  .success { color: var(--_zk-success); font-weight: 600; }
  .failure { color: var(--_zk-danger); font-weight: 600; }
  .failed { border-color: var(--_zk-danger); border-width: 2px; }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_zk-space);
  }
  li {
    display: grid;
    gap: var(--_zk-space);
    padding: var(--_zk-space);
    border: 1px solid var(--_zk-border);
    border-inline-start-width: 6px;
    border-radius: var(--_zk-radius);
  }
  li.permit { border-inline-start-color: var(--_zk-consent-permit); }
  li.deny { border-inline-start-color: var(--_zk-consent-deny); }
  li.unknown { border-inline-start-style: dashed; }
  li.past { color: var(--_zk-muted); }
  .item-title {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_zk-space);
    align-items: baseline;
    font-size: 1em;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_zk-space) / 2);
    border: 1px solid currentColor;
    border-radius: var(--_zk-radius);
    font-size: 0.9em;
    font-weight: 400;
  }

  /* Narrow: labels above their values, and each button as wide as the dialog (easy to reach). */
  @container zk-consent-dialog (max-width: 27.99rem) {
    .body {
      padding: var(--_zk-space);
    }
    .step,
    .close-confirm {
      padding: var(--_zk-space);
    }
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd + dd,
    dl > div + div dt {
      margin-block-start: var(--_zk-space);
    }
    .actions > .zk-button {
      flex: 1 1 100%;
    }
  }

  @media (forced-colors: active) {
    dialog { border: 2px solid CanvasText; }
    li { border-color: CanvasText; }
    .close-confirm, .failed, .note { border-color: CanvasText; }
  }
`;
