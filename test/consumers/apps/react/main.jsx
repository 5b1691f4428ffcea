// A React 19 app using zorgkit/react, as docs/guides/frameworks.md shows.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ZkConsentDialog, ZkContext, ZkMedicationList, ZkPatientBanner } from 'zorgkit/react';
import { MemoryAdapter } from 'zorgkit/adapters/memory';
import { resources } from '../shared/data.js';

function App() {
  const adapter = useMemo(() => new MemoryAdapter(resources), []);
  const [consentOpen, setConsentOpen] = useState(false);
  return (
    <ZkContext adapter={adapter}>
      <ZkPatientBanner patientId="pt-zonneveld" />
      <ZkMedicationList id="short" patientId="pt-zonneveld" />
      <button type="button" id="open-consent" onClick={() => setConsentOpen(true)}>Toestemming</button>
      <ZkConsentDialog patientId="pt-zonneveld" recipient="Huisartsenpraktijk De Linde" purpose="behandeling"
        open={consentOpen} onZkConsentClose={() => setConsentOpen(false)} />
      <ZkMedicationList id="long" patientId="pt-many" />
    </ZkContext>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
