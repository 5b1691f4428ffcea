import { medicationRequests } from '../bench/fixtures.mjs';
import { medicationRows, sortRows } from '../src/model/medication.js';
const N = 1000;
const reqs = JSON.parse(JSON.stringify(medicationRequests(N)));
const records = reqs.map((resource: any) => ({ resource, concept: resource.medicationCodeableConcept }));
const opts = { locale: 'en' as const, today: { year: 2026, month: 11, day: 22 } as never };
let t = performance.now();
const first = medicationRows(records as never, opts);
console.log('first (cold) ms', (performance.now() - t).toFixed(1));
t = performance.now(); sortRows(first, 'name', 'ascending', 'en'); console.log('first sort (cold, incl collator) ms', (performance.now() - t).toFixed(1));
const times: number[] = [];
for (let i = 0; i < 20; i++) { t = performance.now(); medicationRows(records as never, opts); times.push(performance.now() - t); }
times.sort((a, b) => a - b); console.log('warm median ms', times[10].toFixed(1));
