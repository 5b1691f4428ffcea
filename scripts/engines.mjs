// The three browser engines the tests run in — Chromium, Firefox and WebKit — and everything
// engine-specific about them: where the browser is, installing what is missing (Debian, as root:
// one apt-get for all of it), the web-test-runner launcher, and the launch settings the end-to-end
// tests share. `npm test` picks the engines (scripts/test.mjs); web-test-runner.config.mjs and
// test/e2e/browser.mjs read the one to use from ZK_ENGINE (default chromium).
//
// Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (no geckodriver).
// WebKit: WebKitGTK's WebKitWebDriver (Debian's webkit2gtk-driver), which starts MiniBrowser; it has
// no headless mode, so it runs under Xvfb (xvfb-run), and its toolbar is narrowed so that the page
// can be as narrow as a phone (MINIBROWSER_GTK_CSS). See ../shared/TOOLCHAIN.md, "Three engines".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Test pages run side by side in background tabs: keep their timers and animation frames going.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

/**
 * Firefox preferences for tests: no network traffic of its own (updates, telemetry, safe
 * browsing) on the closed network. Its re-sending of a dropped GET stays on, as users have it.
 */
export const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
};

const fromPath = (name) => {
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
};
const firstExisting = (paths) => paths.find((p) => p && existsSync(p));

function miniBrowserPath() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const base of ['/usr/lib', '/usr/libexec']) {
    if (!existsSync(base)) continue;
    for (const dir of readdirSync(base)) {
      for (const sub of [`${base}/${dir}`, base]) {
        for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
          const candidate = `${sub}/${api}/MiniBrowser`;
          if (existsSync(candidate)) return candidate;
        }
      }
    }
  }
  return undefined;
}

/**
 * Where each engine's programs are. Each entry: the paths found, and for what is missing the
 * Debian package that provides it.
 */
const LOOKUP = {
  chromium() {
    const browser = process.env.CHROME_PATH
      || firstExisting(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'])
      || fromPath('chromium') || fromPath('chromium-browser') || fromPath('google-chrome');
    return { paths: { CHROME_PATH: browser }, missing: browser && existsSync(browser) ? [] : [{ what: 'Chromium or Chrome (CHROME_PATH)', debian: 'chromium' }] };
  },
  firefox() {
    const browser = process.env.FIREFOX_PATH || firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox']) || fromPath('firefox-esr') || fromPath('firefox');
    return { paths: { FIREFOX_PATH: browser }, missing: browser && existsSync(browser) ? [] : [{ what: 'Firefox (FIREFOX_PATH)', debian: 'firefox-esr' }] };
  },
  webkit() {
    const driver = process.env.WEBKIT_WEBDRIVER_PATH || firstExisting(['/usr/bin/WebKitWebDriver']) || fromPath('WebKitWebDriver');
    const mini = miniBrowserPath();
    // A display is needed: Xvfb through xvfb-run, or the one the user already has.
    const xvfb = firstExisting(['/usr/bin/xvfb-run']) || fromPath('xvfb-run');
    const missing = [];
    if (!driver || !existsSync(driver)) missing.push({ what: 'WebKitWebDriver (WEBKIT_WEBDRIVER_PATH)', debian: 'webkit2gtk-driver' });
    if (!mini || !existsSync(mini)) missing.push({ what: 'WebKitGTK MiniBrowser (MINIBROWSER_PATH)', debian: 'webkit2gtk-driver' });
    if (!xvfb && !process.env.DISPLAY) missing.push({ what: 'Xvfb (xvfb-run), or a DISPLAY', debian: 'xvfb' });
    return { paths: { WEBKIT_WEBDRIVER_PATH: driver, MINIBROWSER_PATH: mini, XVFB_RUN_PATH: xvfb ?? '' }, missing };
  },
};

const HOW_ELSEWHERE = {
  chromium: '  Chromium: Debian/Ubuntu `apt-get install chromium`; macOS `brew install --cask chromium`; or set CHROME_PATH.',
  firefox: '  Firefox:  Debian `apt-get install firefox-esr` (Ubuntu/others: a Firefox that is not a snap); or set FIREFOX_PATH.',
  webkit: '  WebKit:   Debian/Ubuntu `apt-get install webkit2gtk-driver xvfb` (WebKitGTK\'s WebKitWebDriver and MiniBrowser);\n'
    + '            other systems: set WEBKIT_WEBDRIVER_PATH and MINIBROWSER_PATH, or leave WebKit out with --engine.',
};

/**
 * Finds every engine's programs; on Debian as root, installs the missing Debian packages with one
 * apt-get (not with ZK_NO_INSTALL=1). Returns the environment variables that point the launchers at them, or prints what is
 * missing and how to get it, and exits.
 */
export function ensureEngines(engines = ENGINES) {
  let found = Object.fromEntries(engines.map((e) => [e, LOOKUP[e]()]));
  const packages = [...new Set(engines.flatMap((e) => found[e].missing.map((m) => m.debian)))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (packages.length && isRoot && existsSync('/etc/debian_version') && !process.env.ZK_NO_INSTALL) {
    console.log(`zorgkit: installing Debian packages for the browser tests: ${packages.join(' ')} (a few minutes)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    found = Object.fromEntries(engines.map((e) => [e, LOOKUP[e]()]));
  }
  const short = engines.filter((e) => found[e].missing.length);
  if (short.length) {
    console.error([
      `zorgkit: the browser tests run in ${engines.join(', ')}; missing here:`,
      ...short.flatMap((e) => found[e].missing.map((m) => `  - ${e}: ${m.what}  (Debian package ${m.debian})`)),
      'How to get them (on Debian, `npm test` run as root installs them itself, with one apt-get):',
      ...short.map((e) => HOW_ELSEWHERE[e]),
      `Or run the other engines only: npm test -- ${ENGINES.filter((e) => !short.includes(e)).map((e) => `--engine ${e}`).join(' ')}`,
    ].join('\n'));
    process.exit(1);
  }
  return Object.assign({}, ...engines.map((e) => found[e].paths));
}

/**
 * The end-to-end tests (test/e2e) run in every engine. They watch the page while it loads —
 * console errors, uncaught errors, failed requests and HTTP errors, CSP violations from a listener
 * installed before the page's own scripts. Chromium and Firefox give these as puppeteer events (CDP,
 * WebDriver BiDi). WebKitGTK's WebKitWebDriver speaks WebDriver classic only, so in WebKit the watch
 * is a proxy in front of the site and a probe script it puts first in each page, and the page is a
 * puppeteer-like object over webdriverio (test/e2e/webkit.mjs); test/e2e/watch.test.mjs proves in
 * each engine that the watch reports every kind of fault.
 *
 * Files that need what only CDP or BiDi can do stay out of an engine, each with the reason, which
 * `npm test` prints.
 */
export const E2E_ENGINES = ['chromium', 'firefox', 'webkit'];
export const E2E_FILES_NOT_IN = {
  webkit: {
    'smart.test.mjs': 'it answers and reads the SMART flow\'s requests to the sandbox (puppeteer request interception and response events, across origins and redirects), which WebDriver classic cannot do',
    'smart-iframe.test.mjs': 'it opens the SMART launch inside an EHR page\'s iframe on another origin and follows it through puppeteer\'s frames and browser contexts, which the WebKit page object does not provide over WebDriver classic',
  },
};

/** The e2e test files (names in test/e2e) to run in an engine, and those left out with the reason. */
export function e2eFilesFor(engine, names) {
  const out = E2E_FILES_NOT_IN[engine] ?? {};
  return {
    run: names.filter((n) => !out[n.split('/').pop()]),
    left: names.filter((n) => out[n.split('/').pop()]).map((n) => ({ file: n, reason: out[n.split('/').pop()] })),
  };
}

/**
 * Splits `--engine NAME` / `--engine=NAME` (repeatable) from the other arguments. No --engine:
 * all three.
 */
export function parseEngineArgs(args) {
  const engines = [];
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '--engine' ? args[++i] : args[i].startsWith('--engine=') ? args[i].slice('--engine='.length) : undefined;
    if (value === undefined) {
      rest.push(args[i]);
      continue;
    }
    for (const name of value.split(',')) {
      if (!ENGINES.includes(name)) {
        console.error(`zorgkit: --engine ${name}: expected one of ${ENGINES.join(', ')}`);
        process.exit(2);
      }
      if (!engines.includes(name)) engines.push(name);
    }
  }
  return { engines: engines.length ? ENGINES.filter((e) => engines.includes(e)) : [...ENGINES], rest };
}

/** The engine to use in this process: ZK_ENGINE, else chromium. */
export function currentEngine() {
  const engine = process.env.ZK_ENGINE || 'chromium';
  if (!ENGINES.includes(engine)) throw new Error(`ZK_ENGINE=${engine}: expected one of ${ENGINES.join(', ')}`);
  return engine;
}

const path = (engine, key) => process.env[key] || LOOKUP[engine]().paths[key];

/** puppeteer launch options for Chromium or Firefox (the e2e tests and web-test-runner share them). */
export function puppeteerLaunchOptions(engine, { userDataDir } = {}) {
  if (engine === 'firefox') {
    return {
      browser: 'firefox',
      executablePath: path('firefox', 'FIREFOX_PATH'),
      headless: true,
      extraPrefsFirefox: FIREFOX_PREFS,
      ...(userDataDir ? { userDataDir } : {}),
    };
  }
  return {
    executablePath: path('chromium', 'CHROME_PATH'),
    headless: true,
    args: [...CHROME_ARGS, ...(userDataDir ? [`--user-data-dir=${userDataDir}`] : [])],
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const running = new Set();
const configHomes = new Set();
process.once('exit', () => {
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  for (const home of configHomes) rmSync(home, { recursive: true, force: true });
});

/**
 * A GTK user style sheet for MiniBrowser's own toolbar (GTK reads `$XDG_CONFIG_HOME/gtk-3.0/gtk.css`
 * and `gtk-4.0/gtk.css` over its theme). A GTK window is never narrower than its content's minimum,
 * and with the theme's padded buttons and framed address field MiniBrowser's toolbar needs 447 px:
 * no phone width. Without the padding and borders it needs 290 px (seven 16 px icons, the address
 * field's fixed 150 px, the box's spacing), so the page can get 320 px. The web page is not styled
 * by GTK (WebKitGTK draws its form controls and scrollbars itself), only the browser's frame.
 */
const MINIBROWSER_GTK_CSS = `/* zorgkit tests: MiniBrowser's toolbar as narrow as GTK allows (scripts/engines.mjs). */
button, entry { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }
`;

/**
 * A fresh XDG_CONFIG_HOME holding only MINIBROWSER_GTK_CSS; removed again by the caller. Being
 * empty otherwise, it also keeps the user's own GTK, fontconfig and dconf settings out of the tests.
 */
function miniBrowserConfigHome() {
  const home = mkdtempSync(join(tmpdir(), 'zk-minibrowser-'));
  for (const gtk of ['gtk-3.0', 'gtk-4.0']) {
    mkdirSync(join(home, gtk));
    writeFileSync(join(home, gtk, 'gtk.css'), MINIBROWSER_GTK_CSS);
  }
  configHomes.add(home);
  return home;
}

/**
 * Starts WebKitWebDriver on a free port of 127.0.0.1 (under Xvfb when there is no display) and
 * waits until it answers. Returns its port, the WebDriver capabilities for MiniBrowser, and close().
 * MiniBrowser, which it starts, gets a toolbar narrow enough for phone widths (MINIBROWSER_GTK_CSS).
 */
export async function startWebKitDriver() {
  const driver = path('webkit', 'WEBKIT_WEBDRIVER_PATH');
  const xvfb = path('webkit', 'XVFB_RUN_PATH');
  const configHome = miniBrowserConfigHome();
  const env = { ...process.env, XDG_CONFIG_HOME: configHome };
  const removeConfigHome = () => {
    configHomes.delete(configHome);
    rmSync(configHome, { recursive: true, force: true });
  };
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [`--port=${port}`, '--host=127.0.0.1'];
    const [command, commandArgs] = xvfb && !process.env.ZK_WEBKIT_USE_DISPLAY
      ? [xvfb, ['-a', '-s', '-screen 0 1280x1024x24', driver, ...args]]
      : [driver, args];
    // Its own process group, so that stopping it also stops Xvfb and MiniBrowser.
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
    running.add(child);
    const stop = async () => {
      running.delete(child);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      // Under xvfb-run, stop the driver first: xvfb-run then stops Xvfb and waits for both, so no
      // process is left behind unreaped. Whatever is left after 3 s is stopped with its group.
      const driverPids = command === driver ? [child.pid] : spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout
        .split('\n').filter((l) => /WebKitWebDriver/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
      for (const pid of driverPids) {
        try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
      }
      const timer = (ms) => new Promise((r) => { setTimeout(r, ms).unref(); });
      if (await Promise.race([exited.then(() => true), timer(3000)]) !== true) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      }
      // xvfb-run sends Xvfb a SIGTERM and exits without waiting; an Xvfb was once seen to outlive it
      // (orphaned, for good). Whatever of the group is left gets SIGTERM, then SIGKILL.
      for (const signal of ['SIGTERM', 'SIGKILL']) {
        try { process.kill(-child.pid, signal); } catch { break; /* nothing left */ }
        await timer(signal === 'SIGTERM' ? 500 : 0);
      }
    };
    for (let i = 0; i < 150 && child.exitCode === null; i++) {
      try {
        const status = await fetch(`http://127.0.0.1:${port}/status`);
        if (status.ok) {
          return {
            port,
            close: async () => {
              await stop();
              removeConfigHome();
            },
            capabilities: {
              browserName: 'MiniBrowser',
              'wdio:enforceWebDriverClassic': true,
              'webkitgtk:browserOptions': { binary: path('webkit', 'MINIBROWSER_PATH'), args: ['--automation'] },
            },
          };
        }
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    await stop();
    // The port may have been taken between finding and binding it: try another once or twice.
    if (attempt >= 3) {
      removeConfigHome();
      throw new Error(`WebKitWebDriver did not start on 127.0.0.1:${port}\n${stderr}`);
    }
  }
}

/**
 * web-test-runner's browsers, concurrency and time limit per test file for an engine. The limit
 * catches a hang: with the 2-core machine at load 35, a Chromium file went past 240 s.
 */
export async function wtrEngine(engine = currentEngine()) {
  if (engine === 'webkit') {
    const { WebdriverLauncher } = await import('@web/test-runner-webdriver');
    /** Starts its own WebKitWebDriver when the run starts and stops it at the end. */
    class WebKitLauncher extends WebdriverLauncher {
      constructor() {
        super({ hostname: '127.0.0.1', port: 0, capabilities: { browserName: 'MiniBrowser' } });
      }

      async initialize(config, testFiles) {
        this.webkitDriver = await startWebKitDriver();
        Object.assign(this.options, { port: this.webkitDriver.port, capabilities: this.webkitDriver.capabilities });
        await super.initialize(config, testFiles);
        this.name = 'WebKit';
      }

      async stop() {
        await super.stop();
        await this.webkitDriver?.close();
      }
    }
    // One page at a time: with more, the launcher runs test files in iframes of one page.
    return { concurrency: 1, testsFinishTimeout: 900_000, browsers: [new WebKitLauncher()] };
  }
  const { chromeLauncher } = await import('@web/test-runner-chrome');
  if (engine === 'firefox') {
    const puppeteer = (await import('puppeteer-core')).default;
    // One page at a time: a second page is a background tab (throttled timers) or an unfocused
    // window that gets no key events.
    return { concurrency: 1, testsFinishTimeout: 900_000, browsers: [chromeLauncher({ puppeteer, launchOptions: puppeteerLaunchOptions('firefox') })] };
  }
  return {
    concurrency: 2,
    testsFinishTimeout: 900_000,
    browsers: [chromeLauncher({
      launchOptions: puppeteerLaunchOptions('chromium'),
      // Each test page in its own browser context, which headless Chromium shows in its own
      // window: side by side in tabs of one window, all but one page would be hidden and get no
      // animation frames, so code that waits for a frame (a <dialog>'s close event, for one)
      // would run differently than in a user's browser.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    })],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureEngines(process.argv.slice(2).length ? process.argv.slice(2) : ENGINES));
