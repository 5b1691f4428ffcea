import { css } from 'lit';

/**
 * Styles every zorgkit element shares. Public tokens (`--zk-color-*`, `--zk-font-*`, `--zk-space`,
 * `--zk-radius`) are read once into private `--_zk-*` properties; components use only the private
 * ones. Dark mode follows the OS unless `--zk-color-scheme` says otherwise; forced-colors mode works.
 */
export const sharedStyles = css`
  :host {
    /*
     * Light or dark: the OS setting (prefers-color-scheme) by default; a page forces one with
     * --zk-color-scheme: light (or dark) on the element or any ancestor. Every colour token falls
     * back to its light or dark default through light-dark(); tokens a page sets win in both.
     */
    color-scheme: var(--zk-color-scheme, light dark);
    --_zk-text: var(--zk-color-text, light-dark(#1b1b1b, #e8ecf0));
    --_zk-muted: var(--zk-color-text-muted, light-dark(#4a5560, #b7c0c9));
    --_zk-background: var(--zk-color-background, light-dark(#ffffff, #1c2128));
    --_zk-surface: var(--zk-color-surface, light-dark(#f3f5f7, #2a313a));
    --_zk-border: var(--zk-color-border, light-dark(#8a96a3, #6b7886));
    --_zk-accent: var(--zk-color-accent, light-dark(#0b5cad, #7cb8ff));
    --_zk-on-accent: var(--zk-color-on-accent, light-dark(#ffffff, #0b1a2a));
    --_zk-danger: var(--zk-color-danger, light-dark(#b00020, #ff8a8a));
    --_zk-success: var(--zk-color-success, light-dark(#1e7b34, #7ddc8f));
    --_zk-warning: var(--zk-color-warning, light-dark(#8a5300, #ffc76b));
    --_zk-focus: var(--zk-color-focus, light-dark(#0b5cad, #ffd166));
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
