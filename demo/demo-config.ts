import type { ConsentRequest } from '../src/model/consent.js';

/** Where `npm run sandbox` serves its FHIR server. */
export const SANDBOX_FHIR_URL = 'http://127.0.0.1:8090/fhir';

/** The sandbox's SMART-protected FHIR server: the `iss` of a standalone launch. */
export const SANDBOX_SMART_ISS = 'http://127.0.0.1:8091/fhir';

/** The demo portal's own texts (the elements translate themselves). */
export const DEMO_TEXT = {
  nl: {
    'medication-heading': 'Medicatie',
    'consent-heading': 'Toestemming',
    'consent-intro': 'Toestemming om gegevens te delen met de huisartsenpost in de regio.',
    'open-consent': 'Toestemming vragen',
    sandboxDown: 'De lokale FHIR-server draait niet. Start hem met `npm run sandbox`.',
    consentRecorded: 'De toestemming is vastgelegd.',
  },
  en: {
    'medication-heading': 'Medication',
    'consent-heading': 'Consent',
    'consent-intro': 'Consent to share data with the regional out-of-hours GP service.',
    'open-consent': 'Ask for consent',
    sandboxDown: 'The local FHIR server is not running. Start it with `npm run sandbox`.',
    consentRecorded: 'The consent has been recorded.',
  },
} as const;

/** The consent the demo portal asks for: sharing with the regional out-of-hours GP service. */
export function demoConsentRequest(locale: 'nl' | 'en', today: string): ConsentRequest {
  const year = Number(today.slice(0, 4));
  return {
    recipient: {
      organization: {
        display: locale === 'nl' ? 'Huisartsenpost Regio Oost (fictief)' : 'Out-of-hours GP service Region East (fictional)',
        reference: 'Organization/hap-regio-oost',
      },
      role: { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' },
    },
    dataClasses: [
      { system: 'http://hl7.org/fhir/resource-types', code: 'MedicationStatement', display: locale === 'nl' ? 'Medicatiegebruik' : 'Medication use' },
      { system: 'http://hl7.org/fhir/resource-types', code: 'AllergyIntolerance', display: locale === 'nl' ? 'Allergieën' : 'Allergies' },
    ],
    purposes: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: locale === 'nl' ? 'Behandeling' : 'Treatment' }],
    period: { start: today, end: `${year + 1}${today.slice(4)}` },
    policy: { uri: 'https://example.org/regio-oost/beleid/gegevensdeling-v1', display: locale === 'nl' ? 'Beleid gegevensdeling Regio Oost' : 'Region East data-sharing policy' },
  };
}
