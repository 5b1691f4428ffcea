// The sandbox's own HTML pages: the launcher (an "EHR" that starts the app) and the authorization
// server's sign-in/consent page. Plain forms, no script; every value is HTML-escaped.

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
}

const h = escapeHtml;

/** The Content-Security-Policy of every sandbox page: no script at all, styles from the sandbox only. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://localhost:* http://127.0.0.1:*; base-uri 'none'; frame-ancestors 'none'";

/**
 * The page CSP for a response: `frame-ancestors 'none'` unless the sandbox was started with
 * `frameAncestors` (an EHR page that opens the app, and so its sign-in, in an iframe), which
 * the sandbox notes on the response as `res.zkFrameAncestors`.
 */
export function pageCsp(res) {
  return res?.zkFrameAncestors ? PAGE_CSP.replace("frame-ancestors 'none'", `frame-ancestors ${res.zkFrameAncestors}`) : PAGE_CSP;
}

function layout(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)} — zorgkit SMART sandbox</title>
<link rel="stylesheet" href="/launcher/sandbox.css">
</head>
<body>
<header><p class="brand">zorgkit SMART sandbox <span class="tag">local · fictional data</span></p></header>
<main>
<h1>${h(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/** A patient's display name for the pickers: Patient.name[0].text, else given + family. */
/** Sends a sandbox page with the page CSP and no caching; `extra` adds headers. */
export function sendPage(res, status, html, extra = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(res),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(html);
}

export function patientLabel(patient) {
  const name = patient?.name?.find((n) => n.use === 'official') ?? patient?.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []).filter((g) => !/\.$/.test(g)).slice(0, 2), name?.family].filter(Boolean).join(' ');
  return `${text || patient?.id}${patient?.birthDate ? ` (${patient.birthDate})` : ''}`;
}

/**
 * The launcher: pick an app, a launch type, a patient, and the SMART context options.
 * @param {{ apps: string[], patients: object[], fhirUrl: string, defaults?: object }} options
 */
export function launcherPage({ apps, patients, fhirUrl }) {
  const appOptions = apps.map((url) => `<option value="${h(url)}">${h(url)}</option>`).join('');
  const patientOptions = patients.map((p) => `<option value="${h(p.id)}">${h(patientLabel(p))}</option>`).join('');
  return layout('Launch an app', `
<p>This page plays the EHR. An <strong>EHR launch</strong> opens the app with <code>iss</code> and a
<code>launch</code> id bound to the patient chosen here. A <strong>standalone launch</strong> opens the
app with only <code>iss</code>; the patient is then picked on the authorization server.</p>
<p>FHIR base (<code>iss</code>): <code id="fhir-url">${h(fhirUrl)}</code></p>
<form method="post" action="/launcher/launch" class="card">
  <label>App (registered redirect URI)
    <select name="app" id="app">${appOptions}</select>
  </label>
  <fieldset>
    <legend>Launch type</legend>
    <label><input type="radio" name="mode" value="ehr" checked> EHR launch</label>
    <label><input type="radio" name="mode" value="standalone"> Standalone launch</label>
  </fieldset>
  <label>Patient (EHR launch)
    <select name="patient" id="patient">${patientOptions}</select>
  </label>
  <label><input type="checkbox" name="need_patient_banner" value="true" checked> <code>need_patient_banner</code>: the app shows its own patient banner</label>
  <label><input type="checkbox" name="style" value="true"> Send <code>smart_style_url</code> (the EHR's style document)</label>
  <button type="submit" id="launch">Launch</button>
</form>`);
}

/**
 * The authorization server's sign-in and consent page (one form).
 * @param {{ uid: string, clientId: string, accounts: {id: string, label: string}[], scopes: string[],
 *   launchPatient?: object, pickPatient?: object[], error?: string }} options
 */
export function interactionPage({ uid, clientId, accounts, scopes, launchPatient, pickPatient, error }) {
  const accountOptions = accounts.map((a) => `<option value="${h(a.id)}">${h(a.label)}</option>`).join('');
  const scopeItems = scopes.map((s) => `<li><code>${h(s)}</code></li>`).join('');
  const patientBlock = launchPatient
    ? `<p>Patient from the EHR launch: <strong id="launch-patient">${h(patientLabel(launchPatient))}</strong></p>`
    : pickPatient
      ? `<label>Patient (<code>launch/patient</code>)
    <select name="patient" id="patient">${pickPatient.map((p) => `<option value="${h(p.id)}">${h(patientLabel(p))}</option>`).join('')}</select>
  </label>`
      : '';
  return layout('Sign in and authorize', `
${error ? `<p class="error" role="alert">${h(error)}</p>` : ''}
<form method="post" action="/oidc/interaction/${h(encodeURIComponent(uid))}" class="card">
  <p>The app <strong>${h(clientId)}</strong> asks for access.</p>
  <label>Sign in as (fictional user)
    <select name="account" id="account">${accountOptions}</select>
  </label>
  ${patientBlock}
  <p>Requested scopes:</p>
  <ul class="scopes">${scopeItems}</ul>
  <label><input type="checkbox" name="readonly" value="true" id="readonly"> Grant read access only (removes c, u and d from every resource scope)</label>
  <div class="buttons">
    <button type="submit" name="decision" value="allow" id="allow">Allow</button>
    <button type="submit" name="decision" value="deny" id="deny">Deny</button>
  </div>
</form>`);
}

/** A plain error page. */
export function errorPage(title, message) {
  return layout(title, `<p class="error" role="alert">${h(message)}</p><p><a href="/launcher/">Back to the launcher</a></p>`);
}

export const SANDBOX_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1b1b; background: #f3f5f7; }
body { margin: 0; }
header { background: #0b3d66; color: #fff; padding: 0.5rem 1rem; }
.brand { margin: 0; font-weight: 600; }
.tag { font-weight: 400; font-size: 0.85em; opacity: 0.85; margin-left: 0.5rem; }
main { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
.card { display: grid; gap: 0.9rem; background: #fff; border: 1px solid #8a96a3; border-radius: 0.4rem; padding: 1rem 1.25rem; }
label { display: grid; gap: 0.25rem; }
label:has(input[type=checkbox]), label:has(input[type=radio]) { display: block; }
fieldset { border: 1px solid #c4ccd4; border-radius: 0.3rem; }
select, button { font: inherit; min-height: 2rem; }
button { background: #0b5cad; color: #fff; border: 0; border-radius: 0.3rem; padding: 0.35rem 1rem; cursor: pointer; justify-self: start; }
button[value=deny] { background: #4a5560; }
.buttons { display: flex; gap: 0.75rem; }
.scopes { margin: 0; }
.error { color: #b00020; font-weight: 600; }
code { font-size: 0.92em; }
`;
