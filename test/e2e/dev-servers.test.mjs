// The local servers on a developer's machine (issue 16): `npm start`'s dev server listens on
// loopback only and refuses files outside the repository, dotfiles and foreign Host headers (DNS
// rebinding); the sandbox refuses foreign Host headers, and its open FHIR server lets only the
// demo's pages call it from a browser (no `Access-Control-Allow-Origin: *` on writes).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serve } from '../../scripts/serve.mjs';
import { startSandbox } from '../../sandbox/sandbox.mjs';

let site;
let port;
let sandbox;

/** A raw GET with a Host header of our choosing (fetch would not let us set it). */
function get(targetPort, path, host = `127.0.0.1:${targetPort}`, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: targetPort, path, method: 'GET', headers: { Host: host, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  site = await serve({ port: 0 });
  port = site.server.address().port;
  sandbox = await startSandbox({ port: 0, fhirPort: 0, appUrl: ['http://127.0.0.1:8000/demo/'] });
});

after(async () => {
  await site?.stop();
  await sandbox?.close();
});

describe('the dev server of npm start', () => {
  it('listens on 127.0.0.1 only, not on every interface', () => {
    assert.equal(site.server.address().address, '127.0.0.1');
  });

  it('serves the demo to a request for localhost or 127.0.0.1', async () => {
    assert.equal((await get(port, '/demo/')).status, 200);
    assert.equal((await get(port, '/demo/', `localhost:${port}`)).status, 200);
  });

  it('refuses a foreign Host header (DNS rebinding: evil.example resolving to 127.0.0.1)', async () => {
    const answer = await get(port, '/demo/', `evil.example:${port}`);
    assert.equal(answer.status, 421);
    assert.doesNotMatch(answer.body, /Regioportaal/);
  });

  it('refuses files outside the repository (/__wds-outside-root__/…), also percent-encoded', async () => {
    for (const path of ['/__wds-outside-root__/2/etc/passwd', '/__wds-outside-root__/10/etc/passwd', '/%5F%5Fwds-outside-root%5F%5F/10/etc/passwd']) {
      const answer = await get(port, path);
      assert.equal(answer.status, 403, path);
      assert.doesNotMatch(answer.body, /root:/, path);
    }
  });

  it('refuses dotfiles and dot-folders (.git, .env), also percent-encoded', async () => {
    for (const path of ['/.git', '/.git/config', '/.gitignore', '/%2Egit/config', '/demo/.env']) {
      assert.equal((await get(port, path)).status, 403, path);
    }
  });
});

describe('the SMART sandbox', () => {
  it('refuses a foreign Host header on its SMART side', async () => {
    const sandboxPort = Number(new URL(sandbox.origin).port);
    assert.equal((await get(sandboxPort, '/launcher/', `evil.example:${sandboxPort}`)).status, 421);
    assert.equal((await get(sandboxPort, '/launcher/')).status, 200);
  });

  it('its open FHIR server grants CORS to the demo\'s origin only, never *', async () => {
    const fhirPort = Number(new URL(sandbox.fhirUrl).port);
    const demo = await get(fhirPort, '/fhir/Patient/patient-de-vries', undefined, { Origin: 'http://127.0.0.1:8000' });
    assert.equal(demo.status, 200);
    assert.equal(demo.headers['access-control-allow-origin'], 'http://127.0.0.1:8000');
    const other = await get(fhirPort, '/fhir/Patient/patient-de-vries', undefined, { Origin: 'https://evil.example' });
    assert.equal(other.status, 403);
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    assert.doesNotMatch(other.body, /Vries/);
    // A preflight for a write from another site is not granted either.
    const preflight = await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: fhirPort, path: '/fhir/Consent', method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } }, (res) => { res.resume(); resolve(res); });
      req.on('error', reject);
      req.end();
    });
    assert.notEqual(preflight.headers['access-control-allow-origin'], '*');
    assert.notEqual(preflight.headers['access-control-allow-origin'], 'https://evil.example');
  });
});
