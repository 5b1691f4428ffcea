// The package as app developers get it: `npm pack` the build, `npm install` the tarball into a
// throw-away app outside the repository (so nothing resolves from our own node_modules), build the
// apps under test/consumers/apps with real bundlers (Vite 8, webpack 5, esbuild), serve them on
// 127.0.0.1 and measure what a page loads. Used by consumers.test.mjs and by `npm run bench`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from '../../scripts/ensure-deps.mjs';

export const APPS = join(root, 'test/consumers/apps');

/** Newest modification time of the files under `path` (a file or a folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

/** What `npm run build` writes, each compared with the sources it comes from. */
const OUTPUTS = ['dist/index.js', 'dist/zorgkit.js', 'dist/types/index.d.ts', 'custom-elements.json'];
const INPUTS = ['src', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Runs `npm run build` unless dist/, the types and the manifest are newer than every source. */
export function ensureBuilt({ log = () => undefined } = {}) {
  const oldestOutput = Math.min(...OUTPUTS.map((f) => newest(join(root, f)) || 0));
  const newestInput = Math.max(...INPUTS.map((f) => newest(join(root, f))));
  if (oldestOutput > newestInput) return;
  log('building the package (npm run build)');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

function npm(args, cwd) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** The files `npm pack` would put in the tarball. */
export function packedFiles() {
  const { ok, output } = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root);
  if (!ok) throw new Error(`npm pack --dry-run failed:\n${output}`);
  return JSON.parse(output.slice(output.indexOf('['), output.lastIndexOf(']') + 1))[0].files.map((f) => f.path);
}

/**
 * Packs the package and installs the tarball, with React, into a new app folder in the system's
 * temporary folder, as `npm install ./zorgkit-x.tgz react react-dom` would. From npm's cache when
 * it can (`--offline`), else from the registry.
 */
export function packAndInstall({ log = () => undefined } = {}) {
  const app = mkdtempSync(join(tmpdir(), 'zk-consumer-'));
  const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', app], root);
  if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`);
  const tarball = join(app, JSON.parse(packed.output.slice(packed.output.indexOf('['), packed.output.lastIndexOf(']') + 1))[0].filename);
  const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'zk-consumer-app', private: true, type: 'module' }, null, 2)}\n`);
  const deps = [tarball, `react@${ours.devDependencies.react}`, `react-dom@${ours.devDependencies['react-dom']}`];
  log(`installing ${tarball} into ${app}`);
  let install = npm(['install', '--offline', '--ignore-scripts', ...deps], app);
  if (!install.ok) {
    log('not all in npm\'s cache: installing with --prefer-offline (the registry for what is missing)');
    install = npm(['install', '--prefer-offline', '--ignore-scripts', ...deps], app);
  }
  if (!install.ok) throw new Error(`npm install of the tarball failed:\n${install.output}`);
  cpSync(APPS, join(app, 'apps'), { recursive: true });
  return { app, tarball, pkgDir: join(app, 'node_modules', 'zorgkit'), remove: () => rmSync(app, { recursive: true, force: true }) };
}

// --- bundlers (the root's devDependencies), each building an app folder into `outDir` ---

/** Vite production build (Rolldown inside) of `<dir>/index.html`. */
export async function buildVite(dir, outDir, { react = false } = {}) {
  const { build } = await import('vite');
  const plugins = react ? [(await import('@vitejs/plugin-react')).default()] : [];
  await build({
    root: dir,
    configFile: false,
    logLevel: 'error',
    plugins,
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}

/** webpack 5 in production mode (which honours `sideEffects`), `<dir>/main.js` → `<outDir>/main.js`. */
export async function buildWebpack(dir, outDir, { entry = './main.js', minimize = true } = {}) {
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: dir,
      entry,
      output: { path: outDir, filename: 'main.js', chunkFilename: '[name].[contenthash:8].js', publicPath: '/', clean: true },
      performance: { hints: false },
      optimization: { minimize },
      devtool: false,
    }, (err, result) => (err ? reject(err) : resolve(result)));
  });
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  copyHtml(dir, outDir);
}

/** esbuild: bundle, minify, ESM with code splitting. */
export async function buildEsbuild(dir, outDir, { entry = 'main.js', minify = true } = {}) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    minify,
    format: 'esm',
    splitting: true,
    target: 'es2022',
    outdir: outDir,
    logLevel: 'error',
  });
  copyHtml(dir, outDir);
}

function copyHtml(dir, outDir) {
  if (existsSync(join(dir, 'index.html'))) cpSync(join(dir, 'index.html'), join(outDir, 'index.html'));
}

/** The plain page: the package's dist/zorgkit.js copied beside the page's own files. */
export function buildScriptTag(app, outDir) {
  mkdirSync(outDir, { recursive: true });
  cpSync(join(app, 'apps/script-tag'), outDir, { recursive: true });
  cpSync(join(app, 'apps/shared/data.js'), join(outDir, 'data.js'));
  for (const f of ['zorgkit.js', 'zorgkit.js.map']) cpSync(join(app, 'node_modules/zorgkit/dist', f), join(outDir, f));
}

// --- serving and measuring ---

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** A static server for `dir` on 127.0.0.1 (port 0), under a strict Content-Security-Policy. */
export async function serveDir(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** gzip (level 9) bytes of each file: what a user downloads, compressed as servers usually send it. */
export const gzipBytes = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * Records every JavaScript file a page loads (scripts, module imports, modulepreloads), in order,
 * with its text, so a test can tell what loaded at start-up from what loaded later (a lazy chunk).
 * Call before the page navigates; await `Promise.all(list.map((s) => s.text))` before reading.
 */
export function recordScripts(page) {
  const scripts = [];
  page.on('response', (response) => {
    if (!/javascript/.test(response.headers()['content-type'] ?? '')) return;
    scripts.push({ url: response.url(), text: response.text().catch(() => '') });
  });
  return scripts;
}
