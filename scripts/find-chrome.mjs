// Finds a Chromium for the browser tests; on Debian as root, installs Debian's package when none exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function lookup() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    console.error(`zorgkit: CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
    process.exit(1);
  }
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const which = spawnSync('which', [name], { encoding: 'utf8' });
    if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  }
  return undefined;
}

export function findChrome() {
  const found = lookup();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('zorgkit: no Chromium found; installing Debian\'s chromium package (about a minute)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
      : update;
    if (install.status === 0) {
      const after = lookup();
      if (after) return after;
    }
  }
  console.error([
    'zorgkit: the browser tests need Chromium or Chrome, and none was found.',
    '  Debian/Ubuntu:  sudo apt-get install chromium',
    '  macOS:          brew install --cask chromium   (or install Google Chrome)',
    '  Anywhere:       set CHROME_PATH to the browser executable.',
  ].join('\n'));
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(findChrome());
