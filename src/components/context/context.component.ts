import { LitElement, html, css } from 'lit';
import { provide } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { Adapter } from '../../core/adapter.js';
import { UtilityClient } from '../../core/client.js';
import { utilityClientContext } from '../../core/context.js';
import { setLocale } from '../../i18n/locale.js';

/**
 * Provides one UtilityClient to every zorgkit element inside it.
 *
 * @tagname zk-context
 * @summary Connects the zorgkit elements inside it to one data source (an adapter).
 * @slot - The zorgkit elements (and anything else) that share this data source.
 */
export class ZkContext extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  @provide({ context: utilityClientContext })
  private provided: UtilityClient | undefined;

  private currentAdapter: Adapter | undefined;

  /** The adapter to read and write through; a UtilityClient is made for it. */
  @property({ attribute: false })
  get adapter(): Adapter | undefined {
    return this.currentAdapter;
  }
  set adapter(adapter: Adapter | undefined) {
    if (adapter === this.currentAdapter) return;
    const old = this.currentAdapter;
    this.currentAdapter = adapter;
    this.provided = adapter ? new UtilityClient(adapter) : undefined;
    this.requestUpdate('adapter', old);
  }

  /** A ready client to share instead of an adapter (for hosts that keep their own). */
  @property({ attribute: false })
  get client(): UtilityClient | undefined {
    return this.provided;
  }
  set client(client: UtilityClient | undefined) {
    const old = this.provided;
    this.provided = client;
    this.currentAdapter = client?.adapter;
    this.requestUpdate('client', old);
  }

  /**
   * The locale for every zorgkit element on the page (`nl` or `en`). When absent, zorgkit follows
   * `<html lang>`.
   */
  @property({ reflect: true })
  locale: string | undefined;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale') && (this.locale !== undefined || changed.get('locale') !== undefined)) {
      void setLocale(this.locale || undefined);
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
