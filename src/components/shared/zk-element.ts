import { LitElement, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { defaultClient, onDefaultClientChange, utilityClientContext } from '../../core/context.js';
import type { UtilityClient } from '../../core/client.js';
import { addDutch, getLocale, type ZkLocale } from '../../i18n/locale.js';
import { templates as nlCommon } from '../../i18n/nl/common.js';

addDutch(nlCommon);

/**
 * The base of every zorgkit element: finds its UtilityClient (the nearest `<zk-context>`, else the
 * page-wide default from `configure()`), and re-renders when the locale or the client changes.
 */
export class ZkElement extends LitElement {
  @consume({ context: utilityClientContext, subscribe: true })
  @state()
  protected contextClient: UtilityClient | undefined;

  /** Bumped when the page-wide default client changes, so tasks see the new client. */
  @state() private defaultClientVersion = 0;

  #unsubscribeDefault: (() => void) | undefined;
  #followedClient: UtilityClient | undefined;
  #unfollow: (() => void) | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribeDefault = onDefaultClientChange(() => {
      this.defaultClientVersion += 1;
    });
    if (this.hasUpdated) this.#followClient();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeDefault?.();
    this.#unfollow?.();
    this.#unfollow = undefined;
    this.#followedClient = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#followClient();
  }

  /** Resource types whose writes through this element's client call `dataChanged` (none by default). */
  protected get followedTypes(): readonly string[] {
    return [];
  }

  /** Called after a write to one of `followedTypes` through this element's client: reload here. */
  protected dataChanged(_type: string): void {}

  /** Subscribes to the current client's change notifications (again when the client changes). */
  #followClient(): void {
    const client = this.client;
    if (client === this.#followedClient) return;
    this.#unfollow?.();
    this.#followedClient = client;
    const offs = client ? this.followedTypes.map((type) => client.onChange(type, (t) => this.dataChanged(t))) : [];
    this.#unfollow = () => offs.forEach((off) => off());
  }

  /** The client this element reads through, or undefined when none is configured. */
  protected get client(): UtilityClient | undefined {
    void this.defaultClientVersion;
    return this.contextClient ?? defaultClient();
  }

  /** The locale to format in (`nl` or `en`). */
  protected get locale(): ZkLocale {
    return getLocale();
  }
}

/** Marker a load returns when there is no patient: no `patient-id` and none in the launch context. */
export const NO_PATIENT = Symbol('no-patient');

/** The patient to show: the explicit id, else the launch context's patient, else NO_PATIENT. */
export async function resolvePatientId(client: UtilityClient, explicitId: string | undefined): Promise<string | typeof NO_PATIENT> {
  const id = explicitId?.trim();
  if (id) return id;
  const context = await client.launchContext();
  return context.patient?.trim() || NO_PATIENT;
}
