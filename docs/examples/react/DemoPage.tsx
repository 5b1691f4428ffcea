// React example (docs/guides/frameworks.md): the banner and the medication list for one patient,
// with the chosen medication shown by the app. In your app, import from 'zorgkit/react' and
// 'zorgkit/core' instead of the repository paths.
import { useState } from 'react';
import type { Adapter } from '../../../src/core/index.js';
import { ZkContext, ZkMedicationList, ZkPatientBanner } from '../../../src/react/index.js';

export interface DemoPageProps {
  /** Made once, outside render: a new adapter would be a new client with an empty cache. */
  adapter: Adapter;
  patientId: string;
}

export function DemoPage({ adapter, patientId }: DemoPageProps) {
  const [selected, setSelected] = useState<string>();
  return (
    <ZkContext adapter={adapter}>
      <ZkPatientBanner patientId={patientId} showAllergies expandable />
      <ZkMedicationList
        patientId={patientId}
        onZkMedicationSelect={(event) => setSelected(event.detail.row.name)}
      />
      <p role="status">{selected ? `Selected: ${selected}` : 'No medication chosen.'}</p>
    </ZkContext>
  );
}
