import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { press } from '../keys.js';
import type { TemplateResult } from 'lit';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import type { ZkPatientBanner } from '../../src/components/patient-banner/patient-banner.js';
import { styles as bannerStyles } from '../../src/components/patient-banner/patient-banner.styles.js';
import { sharedStyles } from '../../src/components/shared/shared.styles.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import type { LaunchContext } from '../../src/core/adapter.js';
import { configure } from '../../src/core/context.js';
import type { AllergyIntolerance, Patient, Resource } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import type { ZkBannerToggleEvent } from '../../src/events/banner-toggle.js';
import { demoBundle, demoPatients } from '../../demo/data/demo-data.js';
import { addFault, putResources, testServers } from '../adapters/servers.js';
import { englishAndNoLitWarnings } from './helpers.js';

// Fictional people only. BSN 123456782 passes the elfproef; NHS 9434765919 the modulus 11 check.
const BSN = 'http://fhir.nl/fhir/NamingSystem/bsn';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const EXT = 'http://hl7.org/fhir/StructureDefinition/';
const qualifier = (code: string) => ({ extension: [{ url: `${EXT}iso21090-EN-qualifier`, valueCode: code }] });
const thisYear = new Date().getFullYear();

/** Johanna van Putten-van der Giessen (nl-core NL4), born 1 January 61 years ago: always "61y". */
function jo(overrides: Partial<Patient> = {}): Patient {
  return {
    resourceType: 'Patient',
    id: 'jo',
    name: [{
      use: 'official',
      family: 'van Putten-van der Giessen',
      _family: {
        extension: [
          { url: `${EXT}humanname-own-prefix`, valueString: 'van' }, { url: `${EXT}humanname-own-name`, valueString: 'Putten' },
          { url: `${EXT}humanname-partner-prefix`, valueString: 'van der' }, { url: `${EXT}humanname-partner-name`, valueString: 'Giessen' },
        ],
      },
      extension: [{ url: `${EXT}humanname-assembly-order`, valueCode: 'NL4' }],
      given: ['Johanna', 'Petronella', 'Maria', 'J.P.M.', 'Jo'],
      _given: [qualifier('BR'), qualifier('BR'), qualifier('BR'), qualifier('IN'), qualifier('CL')],
      prefix: ['Mevr.'],
    }],
    gender: 'female',
    birthDate: `${thisYear - 61}-01-01`,
    identifier: [{ system: NHS, value: '9434765919' }, { system: BSN, value: '123456782' }, { system: BSN, value: '123456782' }],
    telecom: [{ system: 'phone', value: '06 1234 0001', use: 'mobile' }],
    address: [{ use: 'home', line: ['Dorpsstraat 1'], postalCode: '1234 AB', city: 'Testdorp' }],
    ...overrides,
  };
}

function allergy(id: string, code: string, display: string): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance', id,
    patient: { reference: 'Patient/jo' },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code, display }] },
  };
}

/** What a program writes by mistake, and "?" for an unknown value (PAB-0019): never on screen. */
const FORBIDDEN = /\b(undefined|null|NaN)\b|Invalid Date|\[object Object\]|(^|\s)\?(\s|$)/;

type Banner = ZkPatientBanner;

/** Waits until the banner's load has finished and it has rendered the result. */
async function settle(el: Banner): Promise<void> {
  // The task is private; tests wait on it rather than on timing.
  const task = (el as unknown as { patientTask: { taskComplete: Promise<unknown> } }).patientTask;
  for (let i = 0; i < 5; i += 1) {
    await task.taskComplete.catch(() => undefined);
    await el.updateComplete;
  }
}

async function mount(resources: readonly Resource[], banner: TemplateResult, options: { launch?: LaunchContext; latencyMs?: number } = {}) {
  const adapter = new MemoryAdapter(resources, options);
  const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}>${banner}</zk-context>`);
  const el = context.querySelector('zk-patient-banner')!;
  await settle(el);
  return { el, adapter, context };
}

const root = (el: Banner) => el.shadowRoot!;
const part = (el: Banner, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The text a sighted user sees (no visually hidden helpers). */
function visibleText(node: Element | null | undefined): string {
  if (!node) return '';
  const clone = node.cloneNode(true) as Element;
  clone.querySelectorAll('.zk-visually-hidden, [hidden]').forEach((n) => n.remove());
  return text(clone);
}
const factValue = (el: Banner, name: string) => visibleText(part(el, name)?.querySelector('dd'));
const factLabel = (el: Banner, name: string) => text(part(el, name)?.querySelector('[part="label"]'));

/** The deepest focused element. */
function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A click as the browser delivers it (element.click(): real mouse moves can stall in a background tab). */
async function click(target: HTMLElement): Promise<void> {
  target.click();
  await Promise.resolve();
}

describe('<zk-patient-banner>', () => {
  englishAndNoLitWarnings();

  afterEach(() => {
    configure(undefined);
  });

  describe('what it shows', () => {
    it('PAB-0016: name, born, gender, identifier, in that order', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      const order = [...root(el).querySelectorAll('[part~="name"], [part~="born"], [part~="gender"], [part~="identifier"]')]
        .map((n) => ['name', 'born', 'gender', 'identifier'].find((p) => n.getAttribute('part')!.split(' ').includes(p)));
      expect(order).to.deep.equal(['name', 'born', 'gender', 'identifier']);
      await expect(el).to.be.accessible();
    });

    it('PAB-0076: tab order follows the visual order (born, gender, identifier labels, then the toggle)', async () => {
      const { el } = await mount([jo()], html`<button>before</button><zk-patient-banner patient-id="jo" expandable></zk-patient-banner>`);
      (el.previousElementSibling as HTMLButtonElement).focus();
      const seen: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        await press('Tab');
        const f = focused();
        seen.push(f?.closest('[part~="fact"]')?.getAttribute('part')?.split(' ')[1] ?? f?.getAttribute('part') ?? '');
      }
      expect(seen).to.deep.equal(['born', 'gender', 'identifier', 'toggle']);
    });

    it('is a region labelled "Patient: <name>", so two banners are distinct landmarks', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      const region = part(el, 'banner')!;
      expect(region.tagName).to.equal('SECTION');
      expect(region.getAttribute('aria-label')).to.match(/^Patient: \S/);
    });
  });

  describe('name', () => {
    it('PAB-0049: NHS style in English by default, the family name emphasised: VAN PUTTEN-VAN DER GIESSEN, Johanna Petronella Maria (Mevr)', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'name'))).to.equal('VAN PUTTEN-VAN DER GIESSEN, Johanna Petronella Maria (Mevr)');
      const family = part(el, 'family-name')!;
      expect(family.tagName).to.equal('STRONG');
      expect(text(family)).to.equal('VAN PUTTEN-VAN DER GIESSEN');
      expect(Number(getComputedStyle(family).fontWeight)).to.be.greaterThan(Number(getComputedStyle(part(el, 'name')!).fontWeight));
    });

    it('Dutch style in Dutch by default: J.P.M. van Putten-van der Giessen; name-style overrides either way', async () => {
      await setLocale('nl');
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'name'))).to.equal('Mevr. J.P.M. (Jo) van Putten-van der Giessen');
      expect(text(part(el, 'family-name'))).to.equal('van Putten-van der Giessen');
      el.setAttribute('name-style', 'nhs');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('VAN PUTTEN-VAN DER GIESSEN, Johanna Petronella Maria (Mevr)');
      await setLocale('en');
      el.setAttribute('name-style', 'dutch');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Mevr. J.P.M. (Jo) van Putten-van der Giessen');
    });

    it('the official name wins over the usual one; HumanName.text only when there are no parts', async () => {
      const patient = jo({ name: [{ use: 'usual', given: ['Jo'], family: 'Usual' }, { use: 'official', family: 'Official', given: ['Anna'] }] });
      const { el } = await mount([patient, { resourceType: 'Patient', id: 'text', name: [{ text: 'Onbekende man SEH' }] }],
        html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'name'))).to.equal('OFFICIAL, Anna');
      el.patientId = 'text';
      await settle(el);
      expect(text(part(el, 'name'))).to.equal('Onbekende man SEH');
    });

    it('EN-qualifier BR+CL: a given name that is official and the call name is kept: "J.M. Putten" / "PUTTEN, Johanna Maria"', async () => {
      const both = { extension: [{ url: `${EXT}iso21090-EN-qualifier`, valueCode: 'BR' }, { url: `${EXT}iso21090-EN-qualifier`, valueCode: 'CL' }] };
      const patient = jo({ name: [{ use: 'official', family: 'Putten', given: ['Johanna', 'Maria'], _given: [both, qualifier('BR')] }] });
      const { el } = await mount([patient], html`<zk-patient-banner patient-id="jo" show-call-name></zk-patient-banner>`);
      expect(text(part(el, 'name'))).to.equal('PUTTEN, Johanna Maria');
      expect(text(part(el, 'call-name'))).to.equal('Known as Johanna');
      await setLocale('nl');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('J.M. (Johanna) Putten');
      await expect(el).to.be.accessible();
    });

    it('period: an official name whose period ended gives way to the current one: "Anna New", not "Anna Old"', async () => {
      const patient = jo({ name: [
        { use: 'official', family: 'Old', given: ['Anna'], period: { end: '2001-01-01' } },
        { use: 'official', family: 'New', given: ['Anna'] },
      ] });
      const { el } = await mount([patient, jo({ id: 'only-old', name: [{ use: 'official', family: 'Old', given: ['Anna'], period: { end: '2001-01-01' } }] })],
        html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'name'))).to.equal('NEW, Anna');
      expect(part(el, 'banner')!.getAttribute('aria-label')).to.equal('Patient: NEW, Anna');
      await setLocale('nl');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Anna New');
      // Only an ended name: it is still shown, rather than "Name not known".
      el.patientId = 'only-old';
      await settle(el);
      expect(text(part(el, 'name'))).to.equal('Anna Old');
    });

    it('PAB-0049: the NHS-style title in title case, without a full stop: prefix "mevr." → "(Mevr)"', async () => {
      const patient = jo({ name: [{ use: 'official', family: 'Jansen', given: ['Anna'], prefix: ['mevr.'] }] });
      const { el } = await mount([patient], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'name'))).to.equal('JANSEN, Anna (Mevr)');
      await setLocale('nl');
      el.setAttribute('name-style', 'nhs');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('JANSEN, Anna (Mevr)');
      // The Dutch style writes the title as recorded.
      el.setAttribute('name-style', 'dutch');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('mevr. Anna Jansen');
    });

    it('a call name is shown only with show-call-name: "Known as Jo" / "Roepnaam Jo"', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(part(el, 'call-name') === null, 'no call-name on screen').to.equal(true);
      el.showCallName = true;
      await el.updateComplete;
      expect(text(part(el, 'call-name'))).to.equal('Known as Jo');
      await setLocale('nl');
      await el.updateComplete;
      expect(text(part(el, 'call-name'))).to.equal('Roepnaam Jo');
    });

    it('compact mode wraps a long name in a narrow embed, never truncates it', async () => {
      const long = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegt';
      const { el } = await mount([jo({ name: [{ family: long, given: ['Maximiliane', 'Theodora'] }] })],
        html`<div style="width: 160px"><zk-patient-banner patient-id="jo" compact></zk-patient-banner></div>`);
      expect(el.hasAttribute('compact')).to.equal(true);
      const name = part(el, 'name')!;
      expect(text(name)).to.contain(long.toUpperCase());
      expect(name.scrollWidth).to.be.at.most(name.clientWidth + 1);
      expect(name.getBoundingClientRect().width).to.be.at.most(160);
      expect(name.getBoundingClientRect().height).to.be.greaterThan(parseFloat(getComputedStyle(name).lineHeight) * 2);
      expect(getComputedStyle(name).textOverflow).to.not.equal('ellipsis');
      await expect(el).to.be.accessible();
    });
  });

  describe('born and age', () => {
    it('shows an unambiguous date with a month name and the age: 01-Jan-… (61y), "61 years" for screen readers', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factLabel(el, 'born')).to.equal('Born');
      expect(factValue(el, 'born')).to.equal(`01-Jan-${thisYear - 61} (61y)`);
      expect(text(part(el, 'age')?.querySelector('.zk-visually-hidden'))).to.equal('(61 years)');
      expect(factValue(el, 'born')).to.not.match(/\d+\/\d+\/\d+/);
    });

    it('a FHIR date never shifts a day with the browser zone (25-Dec-1974)', async () => {
      const { el } = await mount([jo({ birthDate: '1974-12-25' })], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factValue(el, 'born')).to.match(/^25-Dec-1974 \(\d+y\)$/);
    });

    it('PAB-0019: a missing birth date shows "Not known" / "Onbekend" and no age', async () => {
      const { el } = await mount([jo({ birthDate: undefined })], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factValue(el, 'born')).to.equal('Not known');
      expect(part(el, 'age') === null, 'no age on screen').to.equal(true);
      await setLocale('nl');
      await el.updateComplete;
      expect(factValue(el, 'born')).to.equal('Onbekend');
    });

    it('a deceased patient shows the date of death and the age at death, never a living age', async () => {
      const { el } = await mount([jo({ birthDate: '1945-07-14', deceasedDateTime: '2020-07-14T00:30:00+02:00' })],
        html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factValue(el, 'born')).to.equal('14-Jul-1945');
      expect(factLabel(el, 'died')).to.equal('Died');
      expect(factValue(el, 'died')).to.equal('14-Jul-2020 (75y)');
      expect(root(el).querySelectorAll('[part="age"]')).to.have.length(1);
      expect(text(part(el, 'deceased'))).to.equal('Deceased');
      await expect(el).to.be.accessible();
    });

    it('deceasedBoolean without a date: a deceased marker and no age at all', async () => {
      const { el } = await mount([jo({ deceasedBoolean: true })], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'deceased'))).to.equal('Deceased');
      expect(part(el, 'died') === null, 'no died on screen').to.equal(true);
      expect(part(el, 'age') === null, 'no age on screen').to.equal(true);
      expect(factValue(el, 'born')).to.equal(`01-Jan-${thisYear - 61}`);
    });
  });

  describe('gender', () => {
    it('is localized, and "Not known" when missing', async () => {
      const { el } = await mount([jo(), jo({ id: 'nogender', gender: undefined })], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factLabel(el, 'gender')).to.equal('Gender');
      expect(factValue(el, 'gender')).to.equal('Female');
      await setLocale('nl');
      await el.updateComplete;
      expect(factLabel(el, 'gender')).to.equal('Geslacht');
      expect(factValue(el, 'gender')).to.equal('Vrouw');
      el.patientId = 'nogender';
      await settle(el);
      expect(factValue(el, 'gender')).to.equal('Onbekend');
    });
  });

  describe('identifier', () => {
    it('BSN first by default, labelled "BSN", spaced 123456782; duplicates shown once', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" expandable expanded></zk-patient-banner>`);
      expect(factLabel(el, 'identifier')).to.equal('BSN');
      expect(factValue(el, 'identifier')).to.equal('123456782');
      // The other identifiers (details) hold the NHS number once, and not the BSN again.
      expect(text(part(el, 'details'))).to.contain('943 476 5919');
      expect(text(part(el, 'details'))).to.not.contain('123456782');
    });

    it('identifier-systems sets the priority: the NHS number, labelled "NHS No.", spaced 3-3-4 (PAB-0042)', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" identifier-systems="${NHS} ${BSN}"></zk-patient-banner>`);
      expect(el.identifierSystems).to.deep.equal([NHS, BSN]);
      expect(factLabel(el, 'identifier')).to.equal('NHS No.');
      expect(factValue(el, 'identifier')).to.equal('943 476 5919');
    });

    it('skips identifiers without a value (the BSN OID with no value does not win)', async () => {
      const { el } = await mount([jo({ identifier: [{ system: 'urn:oid:2.16.840.1.113883.2.4.6.3' }, { system: NHS, value: '9434765919' }] })],
        html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factLabel(el, 'identifier')).to.equal('NHS No.');
    });

    it('BSN elfproef: an invalid BSN (123456789) keeps its number and says "Not a valid BSN" / "Geen geldig BSN" in words, read with it', async () => {
      const { el } = await mount([jo({ identifier: [{ system: BSN, value: '123456789' }] })], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(factLabel(el, 'identifier')).to.equal('BSN');
      const value = part(el, 'identifier')!.querySelector('dd')!;
      const warning = part(el, 'identifier-warning')!;
      expect(value.contains(warning), 'the warning is part of the value, so it is read with the number').to.equal(true);
      expect(factValue(el, 'identifier')).to.equal('123456789 Not a valid BSN');
      expect(text(warning)).to.equal('Not a valid BSN');
      expect(warning.closest('[aria-hidden="true"], .zk-visually-hidden, [hidden]') === null, 'visible and not hidden from screen readers').to.equal(true);
      // Not colour alone: words, and a border.
      expect(parseFloat(getComputedStyle(warning).borderTopWidth)).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      await setLocale('nl');
      await el.updateComplete;
      expect(factValue(el, 'identifier')).to.equal('123456789 Geen geldig BSN');
      await expect(el).to.be.accessible();
    });

    it('BSN elfproef: 000000000 is flagged too, also when masked and in the other identifiers', async () => {
      const { el } = await mount([jo({ identifier: [{ system: BSN, value: '000000000' }, { system: BSN, value: '123456789' }, { system: NHS, value: '9434765918' }] })],
        html`<zk-patient-banner patient-id="jo" mask-identifier expandable expanded></zk-patient-banner>`);
      expect(factValue(el, 'identifier')).to.equal('••••••000 Not a valid BSN');
      expect(text(part(el, 'identifier')!.querySelector('.zk-visually-hidden'))).to.equal('masked, ends in 0 0 0');
      const details = part(el, 'details')!;
      expect([...details.querySelectorAll('[part="identifier-warning"]')].map(text)).to.deep.equal(['Not a valid BSN', 'Not a valid NHS number']);
      await expect(el).to.be.accessible();
      await setLocale('nl');
      await el.updateComplete;
      expect([...details.querySelectorAll('[part="identifier-warning"]')].map(text)).to.deep.equal(['Geen geldig BSN', 'Geen geldig NHS-nummer']);
    });

    it('BSN elfproef: a valid BSN has no warning; a valid copy of the BSN is shown before a mistyped one', async () => {
      const { el } = await mount([jo({ identifier: [{ system: BSN, value: '123456789' }, { system: BSN, value: '123456782' }] })],
        html`<zk-patient-banner patient-id="jo" expandable expanded></zk-patient-banner>`);
      expect(factValue(el, 'identifier')).to.equal('123456782');
      expect(part(el, 'identifier')!.querySelector('[part="identifier-warning"]') === null, 'no warning on a valid BSN').to.equal(true);
      expect(text(part(el, 'details'))).to.contain('123456789 Not a valid BSN');
    });

    it('mask-identifier keeps the last 3 digits and tells screen readers it is masked', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" mask-identifier></zk-patient-banner>`);
      const value = part(el, 'identifier')!.querySelector('dd')!;
      expect(visibleText(value)).to.equal('••••••782');
      expect(text(value)).to.not.contain('1234');
      expect(value.querySelector('[aria-hidden="true"]')?.textContent).to.equal('••••••782');
      expect(text(value.querySelector('.zk-visually-hidden'))).to.equal('masked, ends in 7 8 2');
      await expect(el).to.be.accessible();
    });
  });

  describe('labels (PAB-0033/0035/0036/0042/0047)', () => {
    it('have no colon, are quieter than their values, and each has a definition tooltip on hover', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      for (const name of ['born', 'gender', 'identifier']) {
        const label = part(el, name)!.querySelector<HTMLElement>('[part="label"]')!;
        const value = part(el, name)!.querySelector('dd')!;
        expect(text(label)).to.not.match(/:\s*$/);
        expect(text(label)).to.not.equal('');
        expect(parseFloat(getComputedStyle(label).fontSize)).to.be.lessThan(parseFloat(getComputedStyle(value).fontSize));
        expect(Number(getComputedStyle(value).fontWeight)).to.be.greaterThan(Number(getComputedStyle(label).fontWeight));
        const tip = root(el).getElementById(label.getAttribute('aria-describedby')!)!;
        expect(text(tip)).to.match(/\p{L}{4}/u);
        expect(tip.hidden).to.equal(true);
        // The pointer entering and leaving the label (real mouse moves hang in a background tab
        // when test files run side by side, so the browser's hover events are dispatched here).
        const term = label.closest('dt')!;
        term.dispatchEvent(new MouseEvent('mouseenter'));
        await el.updateComplete;
        expect(tip.hidden, `${name} tooltip on hover`).to.equal(false);
        expect(getComputedStyle(tip).display).to.not.equal('none');
        term.dispatchEvent(new MouseEvent('mouseleave'));
        await el.updateComplete;
        expect(tip.hidden).to.equal(true);
      }
    });

    it('a label shows its definition on keyboard focus, and Escape hides it (WCAG 1.4.13)', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      const label = part(el, 'born')!.querySelector<HTMLElement>('[part="label"]')!;
      label.focus();
      await el.updateComplete;
      const tip = part(el, 'born')!.querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(tip.hidden).to.equal(false);
      expect(text(tip)).to.equal('Date of birth, with the age today in brackets');
      await expect(el).to.be.accessible();
      await press('Escape');
      await el.updateComplete;
      expect(tip.hidden).to.equal(true);
    });
  });

  describe('allergy status (PAB-0064…0071)', () => {
    const cases: [string, Resource[], string, string][] = [
      ['known', [allergy('a1', '91935009', 'Allergy to peanut')], 'Known allergies', 'Bekende allergieën'],
      ['none', [allergy('a2', '716186003', 'No known allergy')], 'No known allergies', 'Geen bekende allergieën'],
      ['not recorded', [], 'Allergies not recorded', 'Allergieën niet vastgelegd'],
    ];
    for (const [name, resources, en, nl] of cases) {
      it(`${name}: "${en}" / "${nl}", only with show-allergies`, async () => {
        const { el } = await mount([jo(), ...resources], html`<zk-patient-banner patient-id="jo" show-allergies></zk-patient-banner>`);
        expect(text(part(el, 'allergies'))).to.equal(en);
        await setLocale('nl');
        await el.updateComplete;
        expect(text(part(el, 'allergies'))).to.equal(nl);
        el.showAllergies = false;
        await settle(el);
        expect(part(el, 'allergies') === null, 'no allergies on screen').to.equal(true);
      });
    }

    const specific: [string, Resource[], string, string][] = [
      ['no known drug allergy (409137002) alone', [allergy('n1', '409137002', 'No known drug allergy')], 'No known drug allergies', 'Geen bekende geneesmiddelallergieën'],
      ['no known food allergy (429625007) alone', [allergy('n2', '429625007', 'No known food allergy')], 'No known food allergies', 'Geen bekende voedselallergieën'],
      ['no known environmental allergy (428607008) alone', [allergy('n3', '428607008', 'No known environmental allergy')], 'No known environmental allergies', 'Geen bekende omgevingsallergieën'],
      ['no known drug and food allergy', [allergy('n1', '409137002', 'No known drug allergy'), allergy('n2', '429625007', 'No known food allergy')],
        'No known drug or food allergies', 'Geen bekende geneesmiddel- of voedselallergieën'],
    ];
    for (const [name, resources, en, nl] of specific) {
      it(`${name}: "${en}" / "${nl}" — never "No known allergies", never "Known allergies"`, async () => {
        const { el } = await mount([jo(), ...resources], html`<zk-patient-banner patient-id="jo" show-allergies></zk-patient-banner>`);
        const status = part(el, 'allergies')!;
        expect(text(status)).to.equal(en);
        expect(status.classList.contains('allergies-known')).to.equal(false);
        await expect(el).to.be.accessible();
        await setLocale('nl');
        await el.updateComplete;
        expect(text(part(el, 'allergies'))).to.equal(nl);
      });
    }

    it('PAB "Known allergies": a real allergy beside a "no known drug allergy" record still shows "Known allergies"', async () => {
      const { el } = await mount([jo(), allergy('n1', '409137002', 'No known drug allergy'), allergy('a1', '91935009', 'Allergy to peanut')],
        html`<zk-patient-banner patient-id="jo" show-allergies></zk-patient-banner>`);
      expect(text(part(el, 'allergies'))).to.equal('Known allergies');
    });

    it('unavailable when the allergy search fails (503 through the fault proxy); the rest still shows', async () => {
      const { fhirUrl, proxyUrl } = await testServers();
      const id = `pb-allergy-${Date.now()}`;
      await putResources(fhirUrl, [jo({ id })]);
      // Only this test's allergy search (a unique patient id) is faulted: other files share the proxy.
      await addFault({ match: { pathIncludes: `patient=${id}` }, times: 1, fault: { status: 503 } });
      const adapter = new FhirRestAdapter({ baseUrl: proxyUrl, maxAttempts: 1, backoffBaseMs: 10 });
      const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id=${id} show-allergies></zk-patient-banner></zk-context>`);
      const el = context.querySelector('zk-patient-banner')!;
      await settle(el);
      expect(text(part(el, 'allergies'))).to.equal('Allergies unavailable');
      expect(factLabel(el, 'identifier')).to.equal('BSN');
      await expect(el).to.be.accessible();
    });
  });

  describe('expandable details', () => {
    it('a keyboard-reachable toggle with aria-expanded shows contact details and address, and fires zk-banner-toggle', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" expandable></zk-patient-banner>`);
      const toggle = part(el, 'toggle') as HTMLButtonElement;
      expect(toggle.tagName).to.equal('BUTTON');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(part(el, 'details')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
      toggle.focus();
      const opened = oneEvent(el, 'zk-banner-toggle');
      await press('Enter');
      const event = (await opened) as ZkBannerToggleEvent;
      expect(event.detail).to.deep.equal({ expanded: true });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const details = part(el, 'details')!;
      expect(details.hidden).to.equal(false);
      const lines = details.innerText.replace(/\n+/g, '\n');
      expect(lines).to.contain('Mobile 06 1234 0001');
      expect(lines).to.contain('Home address\nDorpsstraat 1\n1234 AB Testdorp');
      await expect(el).to.be.accessible();
      const closed = oneEvent(el, 'zk-banner-toggle');
      await press('Space');
      expect(((await closed) as ZkBannerToggleEvent).detail.expanded).to.equal(false);
    });

    it('does not fire zk-banner-toggle when the host sets expanded', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" expandable></zk-patient-banner>`);
      let fired = 0;
      el.addEventListener('zk-banner-toggle', () => { fired += 1; });
      el.expanded = true;
      await el.updateComplete;
      expect(part(el, 'details')!.hidden).to.equal(false);
      await click(part(el, 'toggle')!);
      expect(fired).to.equal(1);
    });

    it('has no toggle and no details without expandable', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(part(el, 'toggle') === null, 'no toggle on screen').to.equal(true);
      expect(part(el, 'details') === null, 'no details on screen').to.equal(true);
    });
  });

  describe('context and states', () => {
    it('shows the patient of the launch context when there is no patient-id', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner></zk-patient-banner>`, { launch: { patient: 'jo' } });
      expect(text(part(el, 'family-name'))).to.equal('VAN PUTTEN-VAN DER GIESSEN');
    });

    it('no patient in context: says so, readable by a screen reader', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner></zk-patient-banner>`);
      const state = part(el, 'no-patient')!;
      expect(state.getAttribute('role')).to.equal('status');
      expect(text(state)).to.equal('No patient selected.');
      await expect(el).to.be.accessible();
    });

    it('need_patient_banner false: renders nothing at all, not even a skeleton, unless force is set', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner></zk-patient-banner>`, { launch: { patient: 'jo', needPatientBanner: false }, latencyMs: 50 });
      expect(root(el).children.length).to.equal(0);
      expect(el.getBoundingClientRect().height).to.equal(0);
      el.force = true;
      await el.updateComplete;
      await settle(el);
      expect(text(part(el, 'family-name'))).to.equal('VAN PUTTEN-VAN DER GIESSEN');
    });

    it('need_patient_banner false never flashes a skeleton while loading', async () => {
      const adapter = new MemoryAdapter([jo()], { launch: { patient: 'jo', needPatientBanner: false }, latencyMs: 150 });
      const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner></zk-patient-banner></zk-context>`);
      const el = context.querySelector('zk-patient-banner')!;
      // The patient is still loading (150 ms): nothing may be on screen, not even a skeleton.
      expect(root(el).querySelector('*') === null, 'nothing on screen while loading').to.equal(true);
      let sawSomething = false;
      const observer = new MutationObserver(() => { if (root(el).querySelector('*')) sawSomething = true; });
      observer.observe(root(el), { childList: true, subtree: true });
      await settle(el);
      observer.disconnect();
      expect(sawSomething).to.equal(false);
      expect(root(el).querySelector('*') === null, 'nothing on screen once loaded').to.equal(true);
    });

    it('loading: a skeleton announced as "Loading patient details"', async () => {
      const adapter = new MemoryAdapter([jo()], { latencyMs: 300 });
      const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id="jo"></zk-patient-banner></zk-context>`);
      const el = context.querySelector('zk-patient-banner')!;
      await waitUntil(() => part(el, 'loading'), 'skeleton');
      const loading = part(el, 'loading')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(text(loading)).to.equal('Loading patient details');
      await expect(el).to.be.accessible();
      await settle(el);
      expect(part(el, 'loading') === null, 'no loading on screen').to.equal(true);
    });

    it('not found: says so, readable by a screen reader', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="nobody"></zk-patient-banner>`);
      const state = part(el, 'empty')!;
      expect(state.getAttribute('role')).to.equal('status');
      expect(text(state)).to.equal('This patient was not found.');
      expect(part(el, 'banner') === null, 'no banner on screen').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('error: an alert with a retry button that loads again (503 from the fault proxy)', async () => {
      const { fhirUrl, proxyUrl } = await testServers();
      const id = `pb-error-${Date.now()}`;
      await putResources(fhirUrl, [jo({ id })]);
      await addFault({ match: { pathIncludes: `Patient/${id}` }, times: 1, fault: { status: 503 } });
      const adapter = new FhirRestAdapter({ baseUrl: proxyUrl, maxAttempts: 1, backoffBaseMs: 10 });
      const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id=${id}></zk-patient-banner></zk-context>`);
      const el = context.querySelector('zk-patient-banner')!;
      await settle(el);
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('The patient details could not be loaded.');
      await expect(el).to.be.accessible();
      await click(part(el, 'retry-button')!);
      await settle(el);
      expect(part(el, 'error') === null, 'no error on screen').to.equal(true);
      expect(factLabel(el, 'identifier')).to.equal('BSN');
    });

    it('no data source: says so', async () => {
      const el = await fixture<Banner>(html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      expect(text(part(el, 'no-client'))).to.equal('Not connected to a data source.');
      await expect(el).to.be.accessible();
      configure({ adapter: new MemoryAdapter([jo()]) });
      await waitUntil(() => part(el, 'family-name'), 'loads once a default client is configured');
    });

    it('loads the new patient when patient-id changes', async () => {
      const { el } = await mount([jo(), jo({ id: 'other', name: [{ family: 'Other', given: ['Olga'] }] })], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      el.patientId = 'other';
      await settle(el);
      expect(text(part(el, 'name'))).to.equal('OTHER, Olga');
    });

    it('reloads after a write to the patient through the same client', async () => {
      const { el, context } = await mount([jo()], html`<zk-patient-banner patient-id="jo"></zk-patient-banner>`);
      const client = context.client!;
      const patient = await client.getPatient('jo');
      await client.adapter.update({ ...patient, gender: 'male' });
      client.invalidate('Patient');
      await waitUntil(() => factValue(el, 'gender') === 'Male', 'shows the changed gender');
    });
  });

  describe('data is text', () => {
    it('never shows "undefined", "null", "NaN", "Invalid Date", "[object Object]", "?" or an empty label, and markup stays text', async () => {
      const hostile = {
        resourceType: 'Patient', id: 'jo',
        name: [{ family: '<img src=x onerror="window.__pbInjected=1">', given: [null, '?', 42, { a: 1 }] }, 'junk'],
        gender: { code: 'female' },
        birthDate: '1990-02-30',
        deceasedBoolean: 'yes',
        identifier: [{ system: BSN, value: null }, { system: BSN }, { value: 'null' }, { system: 'x', value: '<b>42</b>', type: { text: 'undefined' } }],
        telecom: [{ system: 'phone', value: undefined }, { system: 'email', value: 'NaN' }, 'junk'],
        address: [{ line: [null, 'undefined'], city: '[object Object]' }, { text: '?' }],
      } as unknown as Resource;
      const { el } = await mount([hostile], html`<zk-patient-banner patient-id="jo" expandable expanded show-call-name></zk-patient-banner>`);
      expect(root(el).querySelector('img, b') === null, 'no img, b on screen').to.equal(true);
      expect((window as { __pbInjected?: number }).__pbInjected).to.equal(undefined);
      expect(text(part(el, 'family-name'))).to.equal('<IMG SRC=X ONERROR="WINDOW.__PBINJECTED=1">');
      expect(factValue(el, 'born')).to.equal('Not known');
      expect(factValue(el, 'gender')).to.equal('Not known');
      expect(factLabel(el, 'identifier')).to.equal('ID');
      expect(factValue(el, 'identifier')).to.equal('<b>42</b>');
      expect(text(part(el, 'banner'))).to.not.match(FORBIDDEN);
      for (const label of root(el).querySelectorAll('[part="label"], .label-inline, .details-title')) expect(text(label)).to.not.equal('');
      await expect(el).to.be.accessible();
    });
  });

  describe('Dutch', () => {
    it('labels, region and values in Dutch, switching without reload', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" expandable></zk-patient-banner>`);
      await setLocale('nl');
      await el.updateComplete;
      expect(part(el, 'banner')!.getAttribute('aria-label')).to.match(/^Patiënt: \S/);
      expect(factLabel(el, 'born')).to.equal('Geboren');
      expect(factValue(el, 'born')).to.equal(`01 jan ${thisYear - 61} (61 jr)`);
      expect(text(part(el, 'toggle'))).to.contain('Meer gegevens');
      await expect(el).to.be.accessible();
    });
  });

  describe('theming', () => {
    it('every private --_zk-* token used is defined, and every banner token defined is used', () => {
      const css = `${sharedStyles.cssText}\n${bannerStyles.cssText}`;
      const defined = new Set([...css.matchAll(/(--_zk-[\w-]+)\s*:/g)].map((m) => m[1]));
      const used = new Set([...css.matchAll(/var\((--_zk-[\w-]+)/g)].map((m) => m[1]));
      for (const token of used) expect(defined.has(token), `${token} is defined`).to.equal(true);
      for (const token of defined) if (token.startsWith('--_zk-banner-')) expect(used.has(token), `${token} is used`).to.equal(true);
    });

    it('public --zk-patient-banner-* properties and ::part(banner) reach inside', async () => {
      const { el } = await mount([jo()], html`<zk-patient-banner patient-id="jo" style="--zk-patient-banner-background: rgb(1, 2, 3)"></zk-patient-banner>`);
      expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });

  describe('demo data', () => {
    for (const demo of demoPatients) {
      it(`shows demo patient ${demo.id} with a name, no forbidden text, accessibly (en and nl)`, async () => {
        const adapter = new MemoryAdapter(demoBundle);
        const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id=${demo.id} show-allergies show-call-name expandable expanded></zk-patient-banner></zk-context>`);
        const el = context.querySelector('zk-patient-banner')!;
        await settle(el);
        expect(part(el, 'banner') !== null, 'loaded').to.equal(true);
        for (const locale of ['en', 'nl'] as const) {
          await setLocale(locale);
          await el.updateComplete;
          expect(text(part(el, 'name'))).to.match(/\p{L}{2}/u);
          expect(text(part(el, 'banner'))).to.not.match(FORBIDDEN);
          expect(text(part(el, 'allergies'))).to.not.equal('');
        }
        await expect(el).to.be.accessible();
      });
    }

    it('demo specifics: a deceased date, a deceased marker without age, an infant age in days', async () => {
      const adapter = new MemoryAdapter(demoBundle);
      const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id="patient-hendriks"></zk-patient-banner></zk-context>`);
      const el = context.querySelector('zk-patient-banner')!;
      await settle(el);
      expect(factValue(el, 'died')).to.equal('03-Oct-2026 (95y)');
      el.patientId = 'patient-smit';
      await settle(el);
      expect(part(el, 'deceased') !== null).to.equal(true);
      expect(part(el, 'age') === null, 'no age on screen').to.equal(true);
    });
  });
});
