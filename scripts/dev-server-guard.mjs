// Hardening shared by the local servers (the `npm start` dev server, the `npm test` runner and the
// SMART sandbox): they listen on loopback only, answer only requests whose Host header names this
// machine (no DNS rebinding: a page on evil.example resolving to 127.0.0.1 is refused), and never
// serve a file outside the served root (`/__wds-outside-root__/…`) or a dotfile (`.git`, `.env`).
//
// `HOST` widens the listening address on purpose (e.g. HOST=0.0.0.0 to test on a phone); the Host
// check then also accepts that name. IP literals are always accepted in Host: rebinding needs a name.
import { isIP } from 'node:net';

/** The address the servers listen on: loopback unless HOST says otherwise. */
export const LISTEN_HOST = process.env.HOST || '127.0.0.1';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Whether a Host header value (`name[:port]`) names this machine as the servers expect. */
export function isAllowedHostHeader(value, extra = [LISTEN_HOST]) {
  if (typeof value !== 'string' || value === '') return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(value.trim());
  if (!match) return false;
  const name = match[1].toLowerCase().replace(/\.$/, '');
  if (LOOPBACK_NAMES.has(name) || name.endsWith('.localhost')) return true;
  if (isIP(name.replace(/^\[|\]$/g, ''))) return true;
  return extra.some((h) => h && h.toLowerCase() === name);
}

/** Why a request path must not be served (outside the root, a dotfile), or undefined. */
export function refusedPath(rawPath) {
  let path;
  try {
    path = decodeURIComponent(rawPath.split('?')[0]);
  } catch {
    return 'a path that cannot be decoded';
  }
  if (path.includes('__wds-outside-root__')) return 'a path outside the served folder';
  if (path.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return 'a hidden file or folder';
  return undefined;
}

/** Why a request must be refused (Host, path), with the status to answer, or undefined. */
export function refusal(hostHeader, path) {
  if (!isAllowedHostHeader(hostHeader)) return { status: 421, reason: 'This server answers only requests for localhost.' };
  const bad = refusedPath(path);
  if (bad) return { status: 403, reason: `Not served: ${bad}.` };
  return undefined;
}

/** A Koa middleware (for @web/dev-server and @web/test-runner) that applies `refusal`. */
export function guardMiddleware() {
  return async function devServerGuard(context, next) {
    const refused = refusal(context.get('host'), context.path);
    if (refused) {
      context.status = refused.status;
      context.type = 'text/plain';
      context.body = refused.reason;
      return;
    }
    await next();
  };
}

/**
 * A @web/dev-server plugin that moves the server onto LISTEN_HOST: @web/dev-server listens on every
 * interface when its hostname is `localhost` or `127.0.0.1`, so it is made to listen again, on the
 * same port, on loopback only, before any request is served.
 */
export function loopbackPlugin(host = LISTEN_HOST) {
  return {
    name: 'zk-loopback-only',
    async serverStart({ server }) {
      const address = server?.address();
      if (!address || typeof address === 'string' || address.address === host) return;
      await new Promise((resolve) => server.close(() => resolve()));
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(address.port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    },
  };
}
