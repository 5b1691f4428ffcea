// The dev server behind `npm start` (and the end-to-end tests): the demo at /demo/, the docs at
// /docs/, TypeScript compiled on the fly, bare imports resolved to Lit's production build, and the
// strict Content-Security-Policy the demo promises to work under.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { root } from './ensure-deps.mjs';

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

/** Starts the server; resolves once it listens. */
export async function serve({ port = 8000, hostname = 'localhost', logStartMessage = false } = {}) {
  const server = await startDevServer({
    config: {
      rootDir: root,
      injectWebSocket: false,
      watch: false,
      port,
      hostname,
      nodeResolve: { exportConditions: ['production'], browser: true },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}/tsconfig.json` })],
      middleware: [
        async function redirectAndSecure(context, next) {
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
            context.set('Content-Security-Policy', STRICT_CSP);
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
