// Requests-per-page benchmark page: a portal page with the banner, the medication list and the
// consent dialog for one patient, over the FhirRestAdapter to the real FHIR test server. The Node
// side (bench/requests.mjs) counts what arrives at the server after each step.
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import '../../src/components/medication-list/medication-list.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import { deepQueryAll } from './harness.js';

const TAGS = ['zk-patient-banner', 'zk-medication-list', 'zk-consent-dialog'];
let context: HTMLElement & { locale?: string } | undefined;

function zkElements(): HTMLElement[] {
  return context ? [...context.querySelectorAll<HTMLElement>(TAGS.join(','))] : [];
}

/** Resolves once every element is out of its loading state (or after 15 s, reported by the caller). */
async function loaded(): Promise<boolean> {
  const busy = () => zkElements().some((el) => !el.shadowRoot || el.shadowRoot.querySelector('[aria-busy="true"], .zk-loading') !== null);
  const until = performance.now() + 15000;
  while (performance.now() < until) {
    await Promise.all(zkElements().map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve()));
    if (!busy()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

function part(el: Element, name: string): HTMLElement | undefined {
  return el.shadowRoot ? (deepQueryAll(el.shadowRoot, `[part~="${name}"]`)[0] as HTMLElement | undefined) : undefined;
}

const api = {
  ready: true,
  loaded,
  async mount(baseUrl: string, patientId: string): Promise<boolean> {
    context = document.createElement('zk-context');
    (context as HTMLElementTagNameMap['zk-context']).adapter = new FhirRestAdapter({ baseUrl });
    const banner = document.createElement('zk-patient-banner');
    banner.setAttribute('patient-id', patientId);
    banner.setAttribute('show-allergies', '');
    const list = document.createElement('zk-medication-list');
    list.setAttribute('patient-id', patientId);
    const dialog = document.createElement('zk-consent-dialog');
    dialog.setAttribute('patient-id', patientId);
    dialog.setAttribute('recipient', 'Huisartsenpraktijk De Linde (fictief)');
    dialog.setAttribute('purpose', 'TREAT');
    dialog.setAttribute('data', 'Medication, Allergies');
    dialog.setAttribute('until', '2030-12-31');
    dialog.toggleAttribute('open', true);
    context.append(banner, list, dialog);
    document.body.append(context);
    return loaded();
  },
  async addBanner(patientId: string): Promise<boolean> {
    const banner = document.createElement('zk-patient-banner');
    banner.setAttribute('patient-id', patientId);
    banner.setAttribute('show-allergies', '');
    context?.prepend(banner);
    return loaded();
  },
  async rerender(): Promise<boolean> {
    for (const el of zkElements()) (el as HTMLElement & { requestUpdate(): void }).requestUpdate();
    await loaded();
    // A locale switch re-renders every element with new text; the data must not be fetched again.
    if (context) {
      const before = context.locale;
      context.locale = before === 'en' ? 'nl' : 'en';
      await loaded();
      context.locale = before === 'en' ? 'en' : 'nl';
    }
    return loaded();
  },
  /** Records a decision the way a user does: "Yes, I allow this", then "Record decision" (the caller waits for the network). */
  async recordConsent(): Promise<string> {
    const dialog = context?.querySelector('zk-consent-dialog');
    if (!dialog) return 'no consent dialog';
    const permit = part(dialog, 'permit-button');
    if (!permit) return 'no permit-button part';
    permit.click();
    await dialog.updateComplete;
    const record = part(dialog, 'record-button');
    if (!record) return 'no record-button part';
    record.click();
    await dialog.updateComplete;
    return 'ok';
  },
  /** What each element shows (for diagnostics): its tag and the shared state it is in, if any. */
  states(): string[] {
    return zkElements().map((el) => {
      const state = el.shadowRoot?.querySelector('[part~="state"]')?.getAttribute('part') ?? 'content';
      return `${el.localName}: ${state}`;
    });
  },
};

(window as unknown as { benchRequests: typeof api }).benchRequests = api;
