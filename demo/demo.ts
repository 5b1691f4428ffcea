// The demo portal: one <zk-context>, three elements, and controls that switch patient, locale,
// theme and data source without reloading the page.
import '../src/index.js';
import { MemoryAdapter } from '../src/adapters/memory.js';
import { FhirRestAdapter } from '../src/adapters/fhir-rest.js';
import type { Adapter } from '../src/core/adapter.js';
import { demoBundle, demoPatients, DEMO_TODAY } from './data/demo-data.js';
import {
  demoConsentRequest, DEMO_TEXT, LAUNCH_TEXT, loadDemoSettings, needsAdministrator, type DemoLaunchProblem,
} from './demo-config.js';
import { SmartLaunchError } from '../src/adapters/smart-config.js';
import { applySmartLaunchContext, forgetLaunch, launchWasLost, smartAdapterFromLocation, startDemoLaunch } from './smart.js';

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
const launchErrorBox = $<HTMLElement>('#launch-error');

const settings = await loadDemoSettings();
/** The launch problem on screen (re-rendered on a language switch), if any. */
let launchProblem: { problem: DemoLaunchProblem; oauthError?: string; description?: string } | undefined;

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
  renderLaunchProblem();
}

/**
 * A failed or ended launch: the patient data is not shown at all (never the sample patient in its
 * place), and the page says what happened and what helps, in the page's language.
 */
function showLaunchProblem(problem: DemoLaunchProblem, error?: SmartLaunchError) {
  launchProblem = { problem, oauthError: error?.oauthError, description: error?.oauthErrorDescription };
  context.hidden = true;
  context.adapter = undefined;
  for (const el of [banner, medication, consent]) el.removeAttribute('patient-id');
  patientSelect.disabled = true;
  adapterSelect.disabled = true;
  status.textContent = '';
  renderLaunchProblem();
}

function renderLaunchProblem() {
  if (!launchProblem) {
    launchErrorBox.hidden = true;
    return;
  }
  const text = LAUNCH_TEXT[localeSelect.value === 'en' ? 'en' : 'nl'];
  const { problem, oauthError, description } = launchProblem;
  $<HTMLElement>('#launch-error-title').textContent = text.title;
  $<HTMLElement>('#launch-error-message').textContent = text.problems[problem];
  $<HTMLElement>('#launch-error-help').textContent = needsAdministrator(problem) ? text.admin : text.restart;
  const details = $<HTMLElement>('#launch-error-details');
  details.hidden = !oauthError;
  details.textContent = oauthError ? `${text.server}: ${oauthError}${description ? ` — ${description}` : ''}` : '';
  $<HTMLButtonElement>('#launch-error-sample').textContent = text.sample;
  launchErrorBox.hidden = false;
}

function setTheme(theme: string) {
  main.className = `theme-${theme}`;
}

async function setAdapter(kind: string) {
  let adapter: Adapter = memory;
  if (kind === 'sandbox') {
    try {
      const res = await fetch(`${settings.fhirUrl}/metadata`, { headers: { Accept: 'application/fhir+json' } });
      if (!res.ok) throw new Error(String(res.status));
      adapter = new FhirRestAdapter({ baseUrl: settings.fhirUrl });
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
  // A standalone SMART launch against the configured server; oidc-client-ts is loaded only now.
  startDemoLaunch(settings).catch((error: unknown) => showLaunchProblem(error instanceof SmartLaunchError ? error.code : 'authorization-failed', error instanceof SmartLaunchError ? error : undefined));
});
$<HTMLButtonElement>('#launch-error-sample').addEventListener('click', () => {
  forgetLaunch();
  location.assign(location.pathname);
});
// "Sign in again" after the session ended: a new standalone launch at the configured server.
document.addEventListener('zk-sign-in-request', () => {
  startDemoLaunch(settings).catch((error: unknown) => showLaunchProblem(error instanceof SmartLaunchError ? error.code : 'authorization-failed', error instanceof SmartLaunchError ? error : undefined));
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
// the patient and the adapter before anything renders; otherwise the in-memory sample data — but
// never after a failed launch, nor in a tab whose launch a reload ended.
let launchFailed = false;
const smart = await smartAdapterFromLocation(settings).catch((error: unknown) => {
  launchFailed = true;
  showLaunchProblem(error instanceof SmartLaunchError ? error.code : 'authorization-failed', error instanceof SmartLaunchError ? error : undefined);
  return undefined;
});
if (launchFailed) {
  // The error state stays; nothing else is loaded.
} else if (!smart && launchWasLost()) {
  showLaunchProblem('launch-lost');
} else if (!smart) {
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
