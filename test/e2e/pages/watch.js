// Commits the one fault ?fault= names, for test/e2e/watch.test.mjs: each is something the e2e
// tests exist to catch in a product page, and the watch (puppeteer's events in Chromium and
// Firefox, the watch proxy and probe in WebKit) must report it. Sets window.__zkDone when done.
const fault = new URLSearchParams(location.search).get('fault');
const main = document.querySelector('main');

const faults = {
  none: async () => {},
  'http-404': async () => {
    await fetch('/test/e2e/pages/no-such-file.json');
  },
  'image-404': () => new Promise((resolve) => {
    const img = document.createElement('img');
    img.alt = '';
    img.addEventListener('error', resolve);
    img.src = '/test/e2e/pages/no-such-image.png';
    main.append(img);
  }),
  'unreachable-server': async () => {
    // A loopback port the test found free: nothing listens (connect-src allows http://127.0.0.1:*).
    const port = Number(new URLSearchParams(location.search).get('port'));
    await fetch(`http://127.0.0.1:${port}/fhir/Patient`).catch(() => undefined);
  },
  'console-error': async () => {
    console.error('zk-watch-check: a console error');
  },
  'uncaught-error': () => new Promise((resolve) => {
    setTimeout(() => {
      setTimeout(resolve, 50);
      throw new Error('zk-watch-check: an uncaught error');
    });
  }),
  'unhandled-rejection': async () => {
    void Promise.reject(new Error('zk-watch-check: an unhandled rejection'));
    await new Promise((resolve) => setTimeout(resolve, 50));
  },
  'inline-style': async () => {
    main.setAttribute('style', 'color: red');
  },
  eval: async () => {
    try {
      window.__evalRan = eval('true');
    } catch {
      // Refused (CSP or Trusted Types): the violation is what the test looks for.
    }
  },
};

(faults[fault] ?? (() => Promise.reject(new Error(`unknown fault ${fault}`))))().finally(() => {
  window.__zkDone = true;
});
