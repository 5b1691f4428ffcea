// What docs/index.md tells an app developer to write, built by Vite, webpack and esbuild.
import 'zorgkit/patient-banner';
import 'zorgkit/medication-list';
import 'zorgkit/consent-dialog';
import 'zorgkit/context';
import { MemoryAdapter } from 'zorgkit/adapters/memory';
import { completeSmartLaunch } from 'zorgkit/adapters/smart';
import { resources } from '../shared/data.js';

document.getElementById('zk').adapter = new MemoryAdapter(resources);
document.getElementById('open-consent').addEventListener('click', () => {
  document.querySelector('zk-consent-dialog').open = true;
});

// A SMART callback with a state this tab never made: oidc-client-ts (a lazy chunk) must load and
// refuse it.
document.getElementById('smart').addEventListener('click', async () => {
  try {
    await completeSmartLaunch(`${location.origin}/?code=abc&state=not-ours`, { clientId: 'consumer-app', redirectUri: `${location.origin}/` });
    window.smartOutcome = 'accepted';
  } catch (error) {
    window.smartOutcome = `${error.name} ${error.code}: ${error.cause?.message ?? ''}`;
  }
});
