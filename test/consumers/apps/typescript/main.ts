// A TypeScript app type-checked against the published .d.ts files (moduleResolution bundler and
// node16): the tag names are typed (HTMLElementTagNameMap) and so are the events, with no casts.
// Every `@ts-expect-error` below must be an error, which proves the types are not `any`.
import 'zorgkit/patient-banner';
import 'zorgkit/medication-list';
import 'zorgkit/consent-dialog';
import 'zorgkit/context';
import { MemoryAdapter } from 'zorgkit/adapters/memory';
import { FhirRestAdapter } from 'zorgkit/adapters/fhir-rest';
import { detectSmartLaunch } from 'zorgkit/adapters/smart';
import { UtilityClient } from 'zorgkit/core';
import { isValidBsn } from 'zorgkit/model';
import { setLocale, ZkConsentDecisionEvent, ZkPatientBanner } from 'zorgkit';
import type { ZkMedicationList } from 'zorgkit/medication-list';

const context = document.querySelector('zk-context');
if (context) context.adapter = new MemoryAdapter([]);

const banner: ZkPatientBanner | null = document.querySelector('zk-patient-banner');
if (banner) banner.patientId = 'pt-zonneveld';

const list: ZkMedicationList = document.createElement('zk-medication-list');
list.virtualizeThreshold = 200;
list.addEventListener('zk-medication-select', (e) => console.info(e.detail));

const dialog = document.createElement('zk-consent-dialog');
dialog.open = true;
dialog.addEventListener('zk-consent-decision', (e) => {
  const decided: ZkConsentDecisionEvent = e;
  const id: string | undefined = e.detail.consent.id;
  console.info(decided.type, id);
});
dialog.addEventListener('zk-request-close', (e) => {
  if (e.detail.source === 'backdrop') e.preventDefault();
});

// @ts-expect-error the event's detail is typed: it has no such field
dialog.addEventListener('zk-consent-decision', (e) => e.detail.notAField);
// @ts-expect-error the element is typed: patientId is a string
document.createElement('zk-patient-banner').patientId = 42;

const rest = new FhirRestAdapter({ baseUrl: 'https://fhir.example.org/fhir' });
export const client = new UtilityClient(rest);
export const launch = detectSmartLaunch('https://app.example.org/?iss=https://fhir.example.org/fhir&launch=x');
export const valid: boolean = isValidBsn('999911120');
void setLocale('nl');
