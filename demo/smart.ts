// SMART App Launch for the demo page. demo.ts calls `smartAdapterFromLocation()` once at start-up:
//   - `?iss=…&launch=…` (EHR launch) or `?smart=standalone&iss=…` (standalone link): the
//     authorization starts and the page navigates to the authorization server (never resolves);
//   - `?code=…&state=…` (the authorization server's answer): the launch completes and the promise
//     resolves to a ready SmartAdapter;
//   - anything else: resolves to `undefined` (no SMART; oidc-client-ts is never loaded).
// The SMART parameters are removed from the address bar first (history.replaceState), so no code or
// state stays there or in the history, whatever happens next. Failures reject with a
// SmartLaunchError whose message is written for the user.
//
// The demo accepts one FHIR server in a launch link: the `smartIss` setting (demo-config.ts). A tab
// that started a launch remembers that it did (sessionStorage, no token), so a reload, which ends
// the in-memory session, shows "start the app again" instead of someone else's sample record.
import type { Adapter } from '../src/core/adapter.js';
import type { DemoSettings } from './demo-config.js';
import {
  applySmartStyle, completeSmartLaunch, detectSmartLaunch, fetchSmartStyle, startSmartLaunch, urlWithoutSmartParams,
  type SmartAppOptions,
} from '../src/adapters/smart.js';

/** The demo's client id, registered in the sandbox (`npm run sandbox`). */
export const SMART_CLIENT_ID = 'zorgkit-demo';

/** sessionStorage key: this tab started a SMART launch (no token, no patient data). */
const LAUNCHED_KEY = 'zk.demo.smart-launched';

/** The demo's SMART settings: the page itself is the redirect URI; only the configured server is trusted. */
export function demoSmartOptions(settings: DemoSettings): SmartAppOptions {
  return {
    clientId: SMART_CLIENT_ID,
    redirectUri: `${location.origin}${location.pathname.replace(/index\.html$/, '')}`,
    isAllowedIss: [settings.smartIss],
  };
}

/** Starts a standalone launch (the "SMART launch" button). */
export async function startDemoLaunch(settings: DemoSettings): Promise<void> {
  sessionStorage.setItem(LAUNCHED_KEY, '1');
  await startSmartLaunch({ iss: settings.smartIss }, demoSmartOptions(settings));
}

/** Whether this tab was in a SMART launch that a reload has ended (the tokens were in memory only). */
export function launchWasLost(): boolean {
  return detectSmartLaunch(location.href) === undefined && sessionStorage.getItem(LAUNCHED_KEY) !== null;
}

/** Forgets that this tab was launched (the user chose the sample data). */
export function forgetLaunch(): void {
  sessionStorage.removeItem(LAUNCHED_KEY);
}

/** Starts, completes or ignores a SMART launch according to the page URL (see the top of this file). */
export async function smartAdapterFromLocation(settings: DemoSettings): Promise<Adapter | undefined> {
  const here = location.href;
  const launch = detectSmartLaunch(here);
  if (!launch) return undefined;
  sessionStorage.setItem(LAUNCHED_KEY, '1');
  history.replaceState(history.state, '', urlWithoutSmartParams(here));
  if (launch.kind === 'callback') return completeSmartLaunch(here, demoSmartOptions(settings));
  await startSmartLaunch(launch, demoSmartOptions(settings));
  return new Promise<never>(() => undefined);
}

/**
 * Applies what the launch context asks of the page: hides `banner` when the EHR already shows a
 * patient banner (`need_patient_banner: false`), and — opt-in, `applyStyle` — maps the EHR's
 * `smart_style_url` document onto `--zk-*` properties of `styleTarget`.
 */
export async function applySmartLaunchContext(adapter: Adapter, options: { banner?: HTMLElement; styleTarget?: HTMLElement; applyStyle?: boolean }): Promise<void> {
  const context = await adapter.launchContext();
  if (options.banner) options.banner.hidden = context.needPatientBanner === false;
  if (options.applyStyle && options.styleTarget && context.styleUrl) {
    applySmartStyle(options.styleTarget, await fetchSmartStyle(context.styleUrl));
  }
}
