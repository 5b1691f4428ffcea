// SMART App Launch for the demo page. demo.ts calls `smartAdapterFromLocation()` once at start-up:
//   - `?iss=…&launch=…` (EHR launch) or `?smart=standalone&iss=…` (standalone link): the
//     authorization starts and the page navigates to the authorization server (never resolves);
//   - `?code=…&state=…` (the authorization server's answer): the launch completes and the promise
//     resolves to a ready SmartAdapter;
//   - anything else: resolves to `undefined` (no SMART; oidc-client-ts is never loaded).
// The SMART parameters are removed from the address bar first (history.replaceState), so no code or
// state stays there or in the history, whatever happens next. Failures reject with a
// SmartLaunchError whose message is written for the user.
import type { Adapter } from '../src/core/adapter.js';
import { isLoopbackHost } from '../src/core/http.js';
import {
  applySmartStyle, completeSmartLaunch, detectSmartLaunch, fetchSmartStyle, startSmartLaunch, urlWithoutSmartParams,
  type SmartAppOptions,
} from '../src/adapters/smart.js';

/** The demo's client id, registered in the sandbox (`npm run sandbox`). */
export const SMART_CLIENT_ID = 'zorgkit-demo';

/** The demo's SMART settings: the page itself is the redirect URI; only local servers are trusted. */
export function demoSmartOptions(): SmartAppOptions {
  return {
    clientId: SMART_CLIENT_ID,
    redirectUri: `${location.origin}${location.pathname.replace(/index\.html$/, '')}`,
    // The demo talks to the local sandbox only (its Content-Security-Policy allows no other server).
    isAllowedIss: (iss) => isLoopbackHost(iss.hostname),
  };
}

/** Starts, completes or ignores a SMART launch according to the page URL (see the top of this file). */
export async function smartAdapterFromLocation(): Promise<Adapter | undefined> {
  const here = location.href;
  const launch = detectSmartLaunch(here);
  if (!launch) return undefined;
  history.replaceState(history.state, '', urlWithoutSmartParams(here));
  if (launch.kind === 'callback') return completeSmartLaunch(here, demoSmartOptions());
  await startSmartLaunch(launch, demoSmartOptions());
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
