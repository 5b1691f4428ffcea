// The public FHIR examples in `<repo>/../shared/fhir-examples/` (README there: provenance, quirks),
// served to browser tests by scripts/wtr-fhir-examples.mjs, and the rule that picks each file's patient.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import '../../src/components/medication-list/medication-list.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import type { Adapter } from '../../src/core/adapter.js';
import type { Bundle, Reference, Resource } from '../../src/core/fhir.js';
import { listExamples, loadExample } from '../fhir-examples.js';

/** The example files, as paths relative to the folder (`ig-ips/bundle-minimal.json`). */
export const exampleFiles = listExamples;

/** One example file: a FHIR resource or Bundle. */
export const exampleFile = (path: string): Promise<Resource> => loadExample<Resource>(path);

/** A FHIR test server of the example tests' own, re-seeded per file. */
export async function examplesServer(): Promise<{ fhirUrl: string; resetUrl: string }> {
  const response = await fetch('/__zk/fhir-examples/server.json');
  if (!response.ok) throw new Error(`examples FHIR server unavailable: ${response.status}`);
  return (await response.json()) as { fhirUrl: string; resetUrl: string };
}

/** Replaces everything on the examples server with `seed` (through the server's seeding). */
export async function seedExamplesServer(seed: Bundle | readonly Resource[]): Promise<string> {
  const { fhirUrl, resetUrl } = await examplesServer();
  const response = await fetch(resetUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(seed) });
  if (!response.ok) throw new Error(`seeding the examples server: ${response.status} ${await response.text()}`);
  return fhirUrl;
}

interface Entry { fullUrl?: string; resource: Resource }

/** The entries a file seeds: a Bundle's, or the single resource. */
export function entriesOf(file: Resource): Entry[] {
  if (file.resourceType !== 'Bundle') return [{ resource: file }];
  return ((file as Bundle).entry ?? []).filter((e) => e?.resource).map((e) => ({ fullUrl: e.fullUrl, resource: e.resource as Resource }));
}

/** A resource's id as the adapters store it: its own, else the uuid of its `urn:uuid:` fullUrl. */
function storedId(entry: Entry): string | undefined {
  return entry.resource.id ?? (entry.fullUrl?.startsWith('urn:uuid:') ? entry.fullUrl.slice('urn:uuid:'.length) : undefined);
}

/**
 * The patient a file is about, and the seed to load: the Patient a document's Composition is
 * about; else the file's (first) Patient; else the patient its resources point at (`subject`,
 * `patient`). A patient pointed at but not in the file gets a stand-in Patient with only that
 * id (no name, no data: the banner shows what it shows for such a record), so the file's own
 * records are what the list and the dialog render. Undefined when the file is about nobody
 * (an Organization, a Medication alone): the components then show "no patient".
 */
export function examplePatient(file: Resource): { patientId?: string; seed: Bundle | Resource[] } {
  const entries = entriesOf(file);
  const seed: Bundle | Resource[] = file.resourceType === 'Bundle' ? (file as Bundle) : [file];
  const idOf = (reference: string | undefined): string | undefined => {
    if (!reference) return undefined;
    const byFullUrl = entries.find((e) => e.fullUrl === reference && e.resource.resourceType === 'Patient');
    if (byFullUrl) return storedId(byFullUrl);
    const match = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference);
    return match?.[1];
  };
  const composition = entries.find((e) => e.resource.resourceType === 'Composition');
  const fromComposition = idOf((composition?.resource.subject as Reference | undefined)?.reference);
  const patients = entries.filter((e) => e.resource.resourceType === 'Patient');
  let patientId = fromComposition ?? (patients[0] ? storedId(patients[0]) : undefined);
  if (patientId === undefined) {
    for (const { resource } of entries) {
      for (const element of ['subject', 'patient']) {
        const ref = (resource[element] as Reference | undefined)?.reference;
        patientId ??= idOf(ref);
      }
    }
  }
  if (patientId === undefined) return { seed };
  const present = entries.some((e) => e.resource.resourceType === 'Patient' && storedId(e) === patientId);
  if (present) return { patientId, seed };
  const standIn: Resource = { resourceType: 'Patient', id: patientId };
  return {
    patientId,
    seed: file.resourceType === 'Bundle' ? { ...(file as Bundle), entry: [...((file as Bundle).entry ?? []), { resource: standIn }] } : [file, standIn],
  };
}

/** What a program writes by mistake: never on screen. */
export const FORBIDDEN = /\b(undefined|null|NaN)\b|Invalid Date|\[object Object\]/;

/** The text of a node and every shadow root below it, white space collapsed. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n instanceof HTMLSlotElement) n.assignedNodes({ flatten: true }).forEach(walk);
    if (n instanceof Element && n.localName === 'style') return;
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export interface Rendered {
  banner: HTMLElement;
  list: HTMLElement;
  dialog: HTMLElement & { show(): void; close(): void };
  text: Record<'banner' | 'list' | 'dialog', string>;
}

const taskOf = (el: HTMLElement, name: string) => (el as unknown as Record<string, { taskComplete: Promise<unknown> }>)[name];

async function settle(el: HTMLElement & { updateComplete: Promise<boolean> }, task: string): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await taskOf(el, task).taskComplete.catch(() => undefined);
    await el.updateComplete;
  }
}

/** The three components for one patient over one adapter, loaded, the dialog open. */
export async function renderAll(adapter: Adapter, patientId: string | undefined): Promise<Rendered> {
  const context = await fixture<HTMLElement>(html`<zk-context .adapter=${adapter}>
    <zk-patient-banner patient-id=${patientId ?? ''}></zk-patient-banner>
    <zk-medication-list patient-id=${patientId ?? ''} show-history style="height: 2000px"></zk-medication-list>
    <zk-consent-dialog patient-id=${patientId ?? ''}></zk-consent-dialog>
  </zk-context>`);
  type El = HTMLElement & { updateComplete: Promise<boolean> };
  const banner = context.querySelector<El>('zk-patient-banner')!;
  const list = context.querySelector<El>('zk-medication-list')!;
  const dialog = context.querySelector<El & { show(): void; close(): void }>('zk-consent-dialog')!;
  await settle(banner, 'patientTask');
  await settle(list, 'medicationsTask');
  dialog.show();
  await dialog.updateComplete;
  const part = (name: string) => dialog.shadowRoot!.querySelector(`[part~="${name}"]`);
  await waitUntil(() => part('history') || (part('state') && !part('loading')), 'the consent dialog did not finish loading', { timeout: 15000 });
  await settle(dialog, 'consentsTask');
  return { banner, list, dialog, text: { banner: deepText(banner), list: deepText(list), dialog: deepText(dialog) } };
}

/** Fails when a component shows its error state or a program's word. */
export function expectClean(rendered: Rendered, label: string): void {
  for (const name of ['banner', 'list', 'dialog'] as const) {
    const el = rendered[name];
    const error = el.shadowRoot!.querySelector('[part~="error"][part~="state"], .zk-error');
    expect(error, `${label} ${name}: error state "${error ? deepText(error) : ''}"`).to.equal(null);
    const match = FORBIDDEN.exec(rendered.text[name]);
    expect(match, `${label} ${name}: "${match?.[0]}" in "${rendered.text[name].slice(Math.max(0, (match?.index ?? 0) - 80), (match?.index ?? 0) + 80)}"`).to.equal(null);
  }
}
