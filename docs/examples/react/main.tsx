// Entry of the React example: the demo patient over the MemoryAdapter with the fictional demo
// data. Built (and rendered in headless Chromium) by test/node/framework-examples.test.mjs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import { demoBundle } from '../../../demo/data/demo-data.js';
import { DemoPage } from './DemoPage.js';

const adapter = new MemoryAdapter(demoBundle);
const container = document.getElementById('app');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <DemoPage adapter={adapter} patientId="patient-van-putten" />
    </StrictMode>,
  );
}
