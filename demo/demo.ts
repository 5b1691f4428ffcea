// The demo portal: one <zk-context>, three elements, and controls that switch patient, locale,
// theme and data source without reloading the page.
import '../src/index.js';
import { MemoryAdapter } from '../src/adapters/memory.js';
import { FhirRestAdapter } from '../src/adapters/fhir-rest.js';
import type { Adapter } from '../src/core/adapter.js';
import { demoBundle, demoPatients, DEMO_TODAY } from './data/demo-data.js';
import { demoConsentRequest, DEMO_TEXT, SANDBOX_FHIR_URL, SANDBOX_SMART_ISS } from './demo-config.js';
import { startSmartLaunch } from '../src/adapters/smart.js';
import { applySmartLaunchContext, demoSmartOptions, smartAdapterFromLocation } from './smart.js';

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const context = $<HTMLElementTagNameMap['zk-context']>('#context');
const banner = $<HTMLElement>('#banner');
const medication = $<HTMLElement>('#medication');
const consent = $<HTMLElementTagNameMap['zk-consent-dialog']>('#consent');
const patientSelect = $<HTMLSelectElement>('#patient');
const localeSelect = $<HTMLSelectElement>('#locale');
const themeSelect = $<HTMLSelectElement>('#theme');
const adapterSelect = $<HTMLSelectElement>('#adapter');
const status = $<HTMLElement>('#status');
const smartButton = $<HTMLButtonElement>('#smart-launch');
const main = $<HTMLElement>('#main');

const params = new URLSearchParams(location.search);
const memory = new MemoryAdapter(demoBundle, { writable: ['Consent'] });

for (const p of demoPatients) patientSelect.add(new Option(p.label, p.id));

function setPatient(id: string) {
  for (const el of [banner, medication, consent]) el.setAttribute('patient-id', id);
}

function setLocale(locale: string) {
  document.documentElement.lang = locale;
  context.locale = locale;
  const text = DEMO_TEXT[locale === 'en' ? 'en' : 'nl'];
  for (const [id, value] of Object.entries(text)) {
    const el = document.getElementById(id);
    if (el) el.textContent = value;
  }
  consent.request = demoConsentRequest(locale === 'en' ? 'en' : 'nl', DEMO_TODAY);
}

function setTheme(theme: string) {
  main.className = `theme-${theme}`;
}

async function setAdapter(kind: string) {
  let adapter: Adapter = memory;
  if (kind === 'sandbox') {
    try {
      const res = await fetch(`${SANDBOX_FHIR_URL}/metadata`, { headers: { Accept: 'application/fhir+json' } });
      if (!res.ok) throw new Error(String(res.status));
      adapter = new FhirRestAdapter({ baseUrl: SANDBOX_FHIR_URL });
      status.textContent = '';
      smartButton.hidden = false;
    } catch {
      status.textContent = DEMO_TEXT[localeSelect.value === 'en' ? 'en' : 'nl'].sandboxDown;
      adapterSelect.value = 'memory';
    }
  }
  if (adapter === memory) smartButton.hidden = true;
  context.adapter = adapter;
}

patientSelect.addEventListener('change', () => setPatient(patientSelect.value));
localeSelect.addEventListener('change', () => setLocale(localeSelect.value));
themeSelect.addEventListener('change', () => setTheme(themeSelect.value));
adapterSelect.addEventListener('change', () => void setAdapter(adapterSelect.value));
$<HTMLButtonElement>('#open-consent').addEventListener('click', () => consent.show());
smartButton.addEventListener('click', () => {
  // A standalone SMART launch against the sandbox; oidc-client-ts is loaded only now.
  void startSmartLaunch({ iss: SANDBOX_SMART_ISS }, demoSmartOptions());
});
document.addEventListener('zk-consent-decision', () => {
  status.textContent = DEMO_TEXT[localeSelect.value === 'en' ? 'en' : 'nl'].consentRecorded;
});

// Initial state; query parameters (?patient=…&locale=en&theme=dark) let tests and links pick one.
patientSelect.value = params.get('patient') ?? demoPatients[0].id;
localeSelect.value = params.get('locale') === 'en' ? 'en' : 'nl';
themeSelect.value = ['light', 'dark', 'overheid'].includes(params.get('theme') ?? '') ? params.get('theme')! : 'default';
setLocale(localeSelect.value);
setTheme(themeSelect.value);

// A SMART launch (EHR launch, standalone start, or the authorization server's callback) decides
// the patient and the adapter before anything renders; otherwise the in-memory sample data.
const smart = await smartAdapterFromLocation().catch((error: unknown) => {
  status.textContent = error instanceof Error ? error.message : String(error);
  return undefined;
});
if (!smart) {
  setPatient(patientSelect.value);
  void setAdapter('memory');
} else {
  const { patient } = await smart.launchContext();
  if (patient) {
    patientSelect.value = patient;
    setPatient(patient);
  }
  patientSelect.disabled = true;
  adapterSelect.disabled = true;
  adapterSelect.add(new Option('SMART launch', 'smart'));
  adapterSelect.value = 'smart';
  await applySmartLaunchContext(smart, { banner });
  context.adapter = smart;
}
