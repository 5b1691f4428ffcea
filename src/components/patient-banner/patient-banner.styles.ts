import { css } from 'lit';

/**
 * `<zk-patient-banner>` styles. Public tokens `--zk-patient-banner-*` (documented on the class)
 * are read once into private `--_zk-banner-*` properties. Names wrap, never truncate.
 */
export const styles = css`
  :host {
    display: block;
    /* The layout follows the element's own width (a narrow EHR side panel = a phone). */
    container: zk-patient-banner / inline-size;
    --_zk-banner-background: var(--zk-patient-banner-background, var(--_zk-surface));
    --_zk-banner-border: var(--zk-patient-banner-border-color, var(--_zk-border));
    --_zk-banner-name-size: var(--zk-patient-banner-name-font-size, 1.375em);
    --_zk-banner-label: var(--zk-patient-banner-label-color, var(--_zk-muted));
    --_zk-banner-deceased: var(--zk-patient-banner-deceased-color, var(--_zk-danger));
    --_zk-banner-allergy: var(--zk-patient-banner-allergy-color, var(--_zk-warning));
    --_zk-banner-warning: var(--zk-patient-banner-warning-color, var(--_zk-danger));
    --_zk-banner-gap: var(--zk-patient-banner-gap, calc(var(--_zk-space) * 2));
  }

  .banner {
    display: grid;
    gap: var(--_zk-space);
    padding: var(--_zk-space) var(--_zk-banner-gap);
    background: var(--_zk-banner-background);
    color: var(--_zk-text);
    border: 1px solid var(--_zk-banner-border);
    border-radius: var(--_zk-radius);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_zk-space) var(--_zk-banner-gap);
  }

  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_zk-space);
    min-width: 0;
    max-width: 100%;
  }

  .name {
    margin: 0;
    font-size: var(--_zk-banner-name-size);
    font-weight: 400;
    line-height: 1.25;
    /* Never truncated: a long name wraps, even inside a word. */
    overflow-wrap: anywhere;
    min-width: 0;
    max-width: 100%;
  }

  .family-name {
    font-weight: 700;
  }

  .name-unknown {
    font-style: italic;
  }

  .call-name,
  .deceased {
    white-space: normal;
  }

  .deceased {
    padding: 0 calc(var(--_zk-space) / 2);
    border-radius: var(--_zk-radius);
    color: var(--_zk-background);
    background: var(--_zk-banner-deceased);
    font-weight: 700;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_zk-space) var(--_zk-banner-gap);
    margin: 0;
  }

  .fact {
    display: flex;
    align-items: baseline;
    gap: calc(var(--_zk-space) / 2);
    min-width: 0;
  }

  dt,
  dd {
    margin: 0;
  }

  dt {
    position: relative;
  }

  /* Labels are quieter than values (PAB-0033): smaller, muted, no colon. */
  .term {
    font-size: 0.875em;
    color: var(--_zk-banner-label);
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
    cursor: help;
    border-radius: 2px;
  }

  .value {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .label-inline {
    font-size: 0.875em;
    color: var(--_zk-banner-label);
    font-weight: 400;
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    top: 100%;
    left: 0;
    width: max-content;
    max-width: min(20rem, 80vw);
    margin-top: 0.25rem;
    padding: calc(var(--_zk-space) / 2) var(--_zk-space);
    border-radius: var(--_zk-radius);
    background: var(--_zk-text);
    color: var(--_zk-background);
    font-size: 0.875rem;
    font-weight: 400;
    white-space: normal;
  }

  .tooltip[hidden] {
    display: none;
  }

  .allergies {
    padding: 0 calc(var(--_zk-space) / 2);
    border: 1px solid var(--_zk-banner-label);
    border-radius: var(--_zk-radius);
    font-weight: 600;
  }

  .allergies-known {
    color: var(--_zk-banner-allergy);
    border: 2px solid var(--_zk-banner-allergy);
  }

  /* An identifier that fails its check: a word, a border and weight, not colour alone. */
  .identifier-warning {
    display: inline-block;
    padding: 0 calc(var(--_zk-space) / 2);
    border: 2px solid var(--_zk-banner-warning);
    border-radius: var(--_zk-radius);
    color: var(--_zk-banner-warning);
    font-size: 0.875em;
    font-weight: 700;
    white-space: normal;
  }

  .toggle {
    margin-left: auto;
  }

  .toggle-icon {
    display: inline-block;
    transition: transform 0.15s ease-in-out;
  }

  .toggle[aria-expanded='true'] .toggle-icon {
    transform: rotate(180deg);
  }

  @media (prefers-reduced-motion: reduce) {
    .toggle-icon { transition: none; }
  }

  .details {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_zk-space) var(--_zk-banner-gap);
    padding-top: var(--_zk-space);
    border-top: 1px solid var(--_zk-banner-border);
  }

  .details[hidden] {
    display: none;
  }

  .details .details-title {
    margin: 0 0 calc(var(--_zk-space) / 2);
    font-size: 0.875em;
    font-weight: 400;
    color: var(--_zk-banner-label);
  }

  .details ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .details p {
    margin: 0;
  }

  .line {
    display: block;
  }

  .address-lines,
  .contact-value {
    overflow-wrap: anywhere;
  }

  /* Compact: for narrow embeds. Smaller type and spacing; everything still wraps. */
  :host([compact]) .banner {
    padding: calc(var(--_zk-space) / 2) var(--_zk-space);
    gap: calc(var(--_zk-space) / 2);
  }

  :host([compact]) .name {
    font-size: calc(var(--_zk-banner-name-size) * 0.8);
  }

  :host([compact]) .summary,
  :host([compact]) .facts {
    gap: calc(var(--_zk-space) / 2) var(--_zk-space);
  }

  /*
   * Narrow (a phone, a side panel, 400% zoom): the compact arrangement whatever the attribute says.
   * The name has a line of its own and the facts wrap under it; nothing is truncated.
   */
  @container zk-patient-banner (max-width: 35.99rem) {
    .banner {
      padding: calc(var(--_zk-space) / 2) var(--_zk-space);
      gap: calc(var(--_zk-space) / 2);
    }
    .summary,
    .facts {
      gap: calc(var(--_zk-space) / 2) var(--_zk-space);
    }
    .identity {
      flex: 1 1 100%;
    }
    .toggle {
      margin-left: 0;
    }
    .details {
      grid-template-columns: minmax(0, 1fr);
    }
    .tooltip {
      max-width: min(20rem, 70cqi);
    }
  }

  @media (forced-colors: active) {
    .banner { border: 1px solid CanvasText; }
    .deceased,
    .tooltip {
      forced-color-adjust: none;
      color: Canvas;
      background: CanvasText;
    }
    .allergies-known,
    .identifier-warning { border-color: CanvasText; }
  }
`;
