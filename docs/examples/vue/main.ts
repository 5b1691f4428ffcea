// Entry of the Vue example: the demo patient over the MemoryAdapter with the fictional demo data.
// Built with Vue's own SFC compiler (as Vite does) and rendered in headless Chromium by
// test/node/framework-examples.test.mjs.
import { createApp, markRaw } from 'vue';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import { demoBundle } from '../../../demo/data/demo-data.js';
import DemoPage from './DemoPage.vue';

const container = document.getElementById('app');
if (container) {
  // markRaw: never let Vue wrap the adapter in a reactive proxy.
  const adapter = markRaw(new MemoryAdapter(demoBundle));
  createApp(DemoPage, { adapter, patientId: 'patient-van-putten' }).mount(container);
}
