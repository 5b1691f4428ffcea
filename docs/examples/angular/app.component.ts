// Angular example (docs/guides/frameworks.md): the banner and the medication list for one patient,
// with the chosen medication shown by the app. In your app, import from 'zorgkit/context',
// 'zorgkit/patient-banner', 'zorgkit/medication-list', 'zorgkit' and 'zorgkit/adapters/memory'
// instead of the repository paths.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import '../../../src/components/context/context.js';
import '../../../src/components/patient-banner/patient-banner.js';
import '../../../src/components/medication-list/medication-list.js';
import { ZkMedicationSelectEvent } from '../../../src/index.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import { demoBundle } from '../../../demo/data/demo-data.js';

@Component({
  selector: 'app-root',
  standalone: true,
  // Lets the template compiler accept the zk-* elements, their properties and their events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <zk-context [adapter]="adapter">
      <zk-patient-banner [patientId]="patientId" show-allergies expandable></zk-patient-banner>
      <zk-medication-list [patientId]="patientId" (zk-medication-select)="onSelect($event)">
      </zk-medication-list>
      <p role="status">{{ selected() ? 'Selected: ' + selected() : 'No medication chosen.' }}</p>
    </zk-context>
  `,
})
export class AppComponent {
  /** Made once per component: a new adapter would be a new client with an empty cache. */
  readonly adapter = new MemoryAdapter(demoBundle);
  readonly patientId = 'patient-van-putten';
  readonly selected = signal('');

  onSelect(event: Event): void {
    if (event instanceof ZkMedicationSelectEvent) this.selected.set(event.detail.row.name);
  }
}
