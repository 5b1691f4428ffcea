import type { ConsentRequest } from '../src/model/consent.js';

import type { SmartLaunchErrorCode } from '../src/adapters/smart-config.js';

/** Where `npm run sandbox` serves its FHIR server. */
export const SANDBOX_FHIR_URL = 'http://127.0.0.1:8090/fhir';

/** The sandbox's SMART-protected FHIR server: the `iss` of a standalone launch. */
export const SANDBOX_SMART_ISS = 'http://127.0.0.1:8091/fhir';

/**
 * The demo's settings, from `/demo/settings.json` (the dev server answers it; `npm start` fills it
 * from ZK_DEMO_SMART_ISS and ZK_DEMO_FHIR_URL): the FHIR server of the "SMART launch" button and
 * the only one the demo accepts in a launch link (`smartIss`), and the open "local FHIR server"
 * (`fhirUrl`). The sandbox's addresses when not set.
 */
export interface DemoSettings {
  smartIss: string;
  fhirUrl: string;
}

export async function loadDemoSettings(): Promise<DemoSettings> {
  let given: Partial<DemoSettings> = {};
  try {
    const response = await fetch(new URL('settings.json', location.href), { cache: 'no-store' });
    if (response.ok) given = (await response.json()) as Partial<DemoSettings>;
  } catch { /* no settings: the sandbox's addresses */ }
  return {
    smartIss: typeof given.smartIss === 'string' ? given.smartIss : SANDBOX_SMART_ISS,
    fhirUrl: typeof given.fhirUrl === 'string' ? given.fhirUrl : SANDBOX_FHIR_URL,
  };
}

/** Why the demo shows no patient after a launch: a launch error, or a launch that is gone. */
export type DemoLaunchProblem = SmartLaunchErrorCode | 'launch-lost';

/** What a user can do about each launch problem: start again from the EHR, or ask an administrator. */
const ASK_ADMIN: readonly DemoLaunchProblem[] = ['iss-not-configured', 'client-not-registered', 'scope-refused', 'pkce-unsupported'];

/** The demo's launch error texts (title, what happened, what helps), nl and en. */
export const LAUNCH_TEXT = {
  nl: {
    title: 'Er worden geen patiëntgegevens getoond',
    restart: 'Start de app opnieuw vanuit uw EPD.',
    admin: 'Deze app is niet goed ingesteld voor deze server. Meld dit aan uw beheerder.',
    server: 'Melding van de server',
    sample: 'Voorbeeldgegevens van de demo tonen',
    problems: {
      'iss-not-configured': 'Deze app weet niet met welke servers hij mag verbinden.',
      'iss-not-allowed': 'De link wijst naar een server waarmee deze app niet mag verbinden.',
      'discovery-failed': 'De aanmeldserver is niet gevonden.',
      'pkce-unsupported': 'De aanmeldserver ondersteunt geen veilige aanmelding (PKCE S256).',
      'invalid-state': 'Deze aanmeldlink is niet geldig of al gebruikt.',
      'access-denied': 'De toegang is niet toegestaan.',
      'client-not-registered': 'Deze app is niet geregistreerd bij deze server.',
      'scope-refused': 'De server staat de toegang die deze app vraagt niet toe.',
      'invalid-request': 'De server nam het aanmeldverzoek niet aan.',
      'authorization-failed': 'De aanmelding is niet gelukt.',
      'issuer-mismatch': 'Het antwoord op de aanmelding kwam van een onverwachte server.',
      'token-request-failed': 'De aanmelding kon niet worden afgerond.',
      'launch-lost': 'De aanmelding is beëindigd (de pagina is opnieuw geladen).',
    } satisfies Record<DemoLaunchProblem, string>,
  },
  en: {
    title: 'No patient data is shown',
    restart: 'Start the app again from your EHR.',
    admin: 'This app is not set up correctly for this server. Tell your administrator.',
    server: 'The server said',
    sample: 'Show the sample data of the demo',
    problems: {
      'iss-not-configured': 'This app has not been told which servers it may connect to.',
      'iss-not-allowed': 'The link points to a server this app may not connect to.',
      'discovery-failed': 'The sign-in server could not be found.',
      'pkce-unsupported': 'The sign-in server does not support a secure sign-in (PKCE S256).',
      'invalid-state': 'This sign-in link is not valid or was already used.',
      'access-denied': 'Access was not allowed.',
      'client-not-registered': 'This app is not registered with this server.',
      'scope-refused': 'The server does not allow the access this app asks for.',
      'invalid-request': 'The server did not accept the sign-in request.',
      'authorization-failed': 'The sign-in did not succeed.',
      'issuer-mismatch': 'The answer to the sign-in came from an unexpected server.',
      'token-request-failed': 'The sign-in could not be completed.',
      'launch-lost': 'The sign-in has ended (the page was reloaded).',
    } satisfies Record<DemoLaunchProblem, string>,
  },
} as const;

/** Whether a launch problem is one for an administrator (the app's set-up), not for starting again. */
export function needsAdministrator(problem: DemoLaunchProblem): boolean {
  return ASK_ADMIN.includes(problem);
}

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
