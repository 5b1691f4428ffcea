// The dev server behind `npm start` (and the end-to-end tests): the demo at /demo/, the docs at
// /docs/, TypeScript compiled on the fly, bare imports resolved to Lit's production build, and the
// strict Content-Security-Policy the demo promises to work under.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { root } from './ensure-deps.mjs';
import { guardMiddleware, LISTEN_HOST, loopbackPlugin } from './dev-server-guard.mjs';

/**
 * The page policy; `frameAncestors` lists who may show the pages in a frame (an EHR that opens
 * SMART apps in an iframe): `'self'` by default, e.g. `'self' https://ehr.example.org` to allow one.
 */
export function strictCsp(frameAncestors = "'self'") {
  if (!/^[\w'*:/.\- ]+$/.test(frameAncestors)) throw new Error(`frame ancestors: not a CSP source list: ${frameAncestors}`);
  return STRICT_CSP.replace("frame-ancestors 'self'", `frame-ancestors ${frameAncestors}`);
}

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Starts the server on loopback (`LISTEN_HOST`); resolves once it listens.
 * - `frameAncestors`: who may frame the pages (default `'self'`; `npm start` reads FRAME_ANCESTORS).
 * - `demoSettings`: what `/demo/settings.json` answers: `{ smartIss, fhirUrl }`, the FHIR servers of
 *   the demo's "SMART launch" button and "local FHIR server" mode (default: the sandbox's).
 */
export async function serve({ port = 8000, hostname = 'localhost', logStartMessage = false, frameAncestors = "'self'", demoSettings = {} } = {}) {
  const csp = strictCsp(frameAncestors);
  const server = await startDevServer({
    config: {
      rootDir: root,
      injectWebSocket: false,
      watch: false,
      port,
      hostname,
      nodeResolve: { exportConditions: ['production'], browser: true },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}/tsconfig.json` }), loopbackPlugin(LISTEN_HOST)],
      middleware: [
        guardMiddleware(),
        async function redirectAndSecure(context, next) {
          if (context.path === '/demo/settings.json') {
            context.type = 'application/json';
            context.set('Cache-Control', 'no-store');
            context.body = JSON.stringify(demoSettings);
            return;
          }
          if (context.path === '/' || context.path === '/demo') {
            context.redirect('/demo/');
            return;
          }
          if (context.path === '/docs') {
            context.redirect('/docs/');
            return;
          }
          await next();
          if (context.response.is('html')) {
            context.set('Content-Security-Policy', csp);
          }
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage,
    autoExitProcess: true,
  });
  return server;
}
