import { css } from 'lit';

/**
 * Styles every zorgkit element shares. Public tokens (`--zk-color-*`, `--zk-font-*`, `--zk-space`,
 * `--zk-radius`) are read once into private `--_zk-*` properties; components use only the private
 * ones. Works in dark mode (the host sets the tokens) and in forced-colors mode.
 */
export const sharedStyles = css`
  :host {
    --_zk-text: var(--zk-color-text, #1b1b1b);
    --_zk-muted: var(--zk-color-text-muted, #4a5560);
    --_zk-background: var(--zk-color-background, #ffffff);
    --_zk-surface: var(--zk-color-surface, #f3f5f7);
    --_zk-border: var(--zk-color-border, #8a96a3);
    --_zk-accent: var(--zk-color-accent, #0b5cad);
    --_zk-on-accent: var(--zk-color-on-accent, #ffffff);
    --_zk-danger: var(--zk-color-danger, #b00020);
    --_zk-success: var(--zk-color-success, #1e7b34);
    --_zk-warning: var(--zk-color-warning, #8a5300);
    --_zk-focus: var(--zk-color-focus, #0b5cad);
    --_zk-font: var(--zk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_zk-font-size: var(--zk-font-size, 1rem);
    --_zk-space: var(--zk-space, 0.5rem);
    --_zk-radius: var(--zk-radius, 0.25rem);
    font-family: var(--_zk-font);
    font-size: var(--_zk-font-size);
    color: var(--_zk-text);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none !important;
  }
  .zk-visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .zk-state {
    padding: calc(var(--_zk-space) * 2);
    border: 1px solid var(--_zk-border);
    border-radius: var(--_zk-radius);
    background: var(--_zk-background);
    color: var(--_zk-text);
  }
  .zk-state p {
    margin: 0 0 var(--_zk-space);
  }
  .zk-error {
    border-color: var(--_zk-danger);
  }
  .zk-error-title {
    font-weight: 600;
  }
  .zk-loading {
    display: grid;
    gap: var(--_zk-space);
  }
  .zk-skeleton {
    display: block;
    height: 1em;
    border-radius: var(--_zk-radius);
    background: var(--_zk-surface);
    animation: zk-pulse 1.2s ease-in-out infinite;
  }
  .zk-skeleton-0 { width: 60%; }
  .zk-skeleton-1 { width: 85%; }
  .zk-skeleton-2 { width: 40%; }
  @keyframes zk-pulse {
    50% { opacity: 0.5; }
  }
  @media (prefers-reduced-motion: reduce) {
    .zk-skeleton { animation: none; }
  }
  .zk-button {
    min-width: 24px;
    min-height: 24px;
    padding: calc(var(--_zk-space) / 2) var(--_zk-space);
    font: inherit;
    color: var(--_zk-on-accent);
    background: var(--_zk-accent);
    border: 1px solid var(--_zk-accent);
    border-radius: var(--_zk-radius);
    cursor: pointer;
  }
  .zk-button.zk-secondary {
    color: var(--_zk-accent);
    background: var(--_zk-background);
  }
  .zk-button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_zk-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .zk-button { border: 1px solid ButtonText; }
    .zk-skeleton { background: GrayText; }
    :focus-visible { outline-color: Highlight; }
  }
`;
