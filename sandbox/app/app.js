// The sandbox inspector: a minimal SMART app on zorgkit's SmartAdapter (served by `npm start` at
// /sandbox/app/). It completes a launch and shows the launch context, the granted scopes and the
// patient. `window.zkSandboxApp` holds the adapter for the end-to-end tests; the page's
// `data-state` says where it is (starting, idle, launching, ready, error).
import {
  completeSmartLaunch, detectSmartLaunch, startSmartLaunch, urlWithoutSmartParams,
} from '../../src/adapters/smart.ts';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const options = {
  clientId: params.get('client_id') ?? 'zorgkit-demo',
  redirectUri: `${location.origin}${location.pathname.replace(/index\.html$/, '')}`,
  isAllowedIss: (iss) => ['127.0.0.1', 'localhost'].includes(iss.hostname),
  tokenStorage: params.get('storage') === 'session' ? 'session' : 'memory',
  readOnly: params.get('readonly') === 'true',
};

function show(state, text) {
  document.body.dataset.state = state;
  $('status').textContent = text;
}

async function main() {
  const here = location.href;
  const launch = detectSmartLaunch(here);
  window.zkSandboxApp = { launch: launch?.kind };
  if (!launch) {
    show('idle', 'Not launched. Open the sandbox launcher and launch this app.');
    return;
  }
  history.replaceState(history.state, '', urlWithoutSmartParams(here));
  if (launch.kind !== 'callback') {
    show('launching', 'Signing in…');
    await startSmartLaunch(launch, options);
    return;
  }
  show('completing', 'Completing the sign-in…');
  const adapter = await completeSmartLaunch(here, options);
  window.zkSandboxApp.adapter = adapter;
  const context = await adapter.launchContext();
  $('context').textContent = JSON.stringify(context, null, 2);
  $('scopes').textContent = adapter.grantedScopes.join('\n');
  if (context.patient) {
    const patient = await adapter.read('Patient', context.patient);
    $('patient').textContent = JSON.stringify({ id: patient.id, name: patient.name, birthDate: patient.birthDate }, null, 2);
  }
  window.addEventListener('zk-session-expired', (event) => {
    window.zkSandboxApp.expired = event.detail.reason;
    show('expired', `The session ended (${event.detail.reason}). Launch again to sign in.`);
  });
  show('ready', `Signed in; ${adapter.canWrite('Consent') ? 'Consent may be written' : 'read-only for Consent'}.`);
}

main().catch((error) => {
  window.zkSandboxApp = { ...window.zkSandboxApp, error: { name: error?.name, code: error?.code, message: error?.message } };
  show('error', error?.message ?? 'The launch failed.');
});
