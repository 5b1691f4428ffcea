// The e2e tests' watch inside a WebKit page. WebKitWebDriver (WebDriver classic) has no console,
// error or network events and cannot run a script before the page's own, so the watch proxy of
// test/e2e/webkit.mjs serves this file as /__zk-probe.js and puts it first in every HTML page's
// <head>: a same-origin script, which the page's strict CSP (script-src 'self') allows unchanged.
// It runs before any script of the page and records what the tests must fail on:
//   - CSP and Trusted Types violations (`securitypolicyviolation`) in window.__cspViolations, as
//     "<directive> <blocked URI>", like the listener the tests install in Chromium and Firefox;
//   - uncaught errors and unhandled rejections, elements whose resource failed to load (the
//     `error` event in the capture phase), console.error calls, and fetches that failed or answered
//     HTTP >= 400 (also to other origins, which the proxy does not see) in window.__zkProbe.problems,
//     in the words of the puppeteer watch ("page error: …", "console error: …", "HTTP 404: …").
// Each page load gets its own id, so the test side can tell a reloaded page's records apart.
(() => {
  if (window.__zkProbe) return;
  const problems = [];
  const violations = [];
  // `first`: no script of the page came before this one (the test side checks it).
  const first = document.scripts.length === 1 && document.currentScript === document.scripts[0];
  window.__zkProbe = { id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, problems, first };
  window.__cspViolations = violations;

  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  }, true);

  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) {
      // The browser's ResizeObserver loop notice is an error event without an error: no script
      // threw, and puppeteer's watch (uncaught exceptions) does not see it in Chromium or Firefox,
      // which fire it too for the virtualised medication list (@lit-labs/virtualizer sizes rows it
      // has just added; PolymerLabs/uni-virtualizer#112). Anything else is recorded.
      if (e.error == null && /^ResizeObserver loop/.test(e.message)) return;
      problems.push(`page error: ${e.message}`);
      return;
    }
    const target = e.target;
    if (target && target !== window) {
      const url = target.currentSrc || target.src || target.href || '';
      problems.push(`request failed: <${target.localName}> ${url}`);
    }
  }, true);

  window.addEventListener('unhandledrejection', (e) => {
    const reason = e.reason;
    problems.push(`page error: unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  });

  const text = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'object' && value !== null) {
      try {
        return JSON.stringify(value);
      } catch {
        return String(value);
      }
    }
    return String(value);
  };
  const consoleError = console.error;
  console.error = function error(...args) {
    problems.push(`console error: ${args.map(text).join(' ')}`);
    return consoleError.apply(this, args);
  };

  const originalFetch = window.fetch;
  window.fetch = function fetch(input, init) {
    const url = input instanceof Request ? input.url : String(input);
    return originalFetch.call(this, input, init).then((response) => {
      if (response.status >= 400) problems.push(`HTTP ${response.status}: ${response.url || url}`);
      return response;
    }, (error) => {
      problems.push(`request failed: ${url} ${text(error)}`);
      throw error;
    });
  };
})();
