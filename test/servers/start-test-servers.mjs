// Starts the FHIR test server and the fault proxy in front of it, both on 127.0.0.1.
//
//   import { startTestServers } from './start-test-servers.mjs';
//   const s = await startTestServers({ seed: bundle });
//   s.fhirUrl   → 'http://127.0.0.1:<a>/fhir'   FHIR base, direct
//   s.proxyUrl  → 'http://127.0.0.1:<b>/fhir'   FHIR base through the fault proxy
//   s.faultUrl  → 'http://127.0.0.1:<b>/__fault' the proxy's control API
//   await s.close();
//
// CLI (manual use):  node test/servers/start-test-servers.mjs [--seed file.json] [--port n] [--proxy-port n]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FHIR_BASE_PATH, startFhirServer } from './fhir-server.mjs';
import { startFaultProxy } from './fault-proxy.mjs';

export const EMPTY_BUNDLE = Object.freeze({ resourceType: 'Bundle', type: 'collection', entry: [] });

/**
 * @param {{ seed?: object, port?: number, proxyPort?: number, validate?: boolean, log?: boolean }} [options]
 * @returns {Promise<{ fhirUrl: string, proxyUrl: string, faultUrl: string, statsUrl: string,
 *   resetUrl: string, fhir: object, proxy: object, close(): Promise<void> }>}
 */
export async function startTestServers({ seed = EMPTY_BUNDLE, port = 0, proxyPort = 0, validate, log } = {}) {
  const fhir = await startFhirServer({ seed, port, validate, log });
  let proxy;
  try {
    proxy = await startFaultProxy({ target: fhir.origin, port: proxyPort });
  } catch (err) {
    await fhir.close();
    throw err;
  }
  return {
    fhirUrl: fhir.url,
    proxyUrl: `${proxy.url}${FHIR_BASE_PATH}`,
    faultUrl: proxy.faultUrl,
    statsUrl: `${fhir.origin}/__stats`,
    resetUrl: `${fhir.origin}/__reset`,
    fhir,
    proxy,
    close: async () => {
      await proxy.close();
      await fhir.close();
    },
  };
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--seed') args.seed = value();
    else if (flag === '--port') args.port = Number(value());
    else if (flag === '--proxy-port') args.proxyPort = Number(value());
    else if (flag === '--log') args.log = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`Unknown argument: ${argv[i]}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('node test/servers/start-test-servers.mjs [--seed bundle.json] [--port n] [--proxy-port n] [--log]');
    process.exit(0);
  }
  const seed = args.seed ? JSON.parse(readFileSync(args.seed, 'utf8')) : EMPTY_BUNDLE;
  const servers = await startTestServers({ seed, port: args.port, proxyPort: args.proxyPort, log: args.log });
  const { indexMs, seedMs } = servers.fhir.timings;
  console.log(`FHIR server   ${servers.fhirUrl}`);
  console.log(`Fault proxy   ${servers.proxyUrl}`);
  console.log(`Fault control ${servers.faultUrl}  (POST a rule, DELETE to clear, GET ${servers.faultUrl}/log)`);
  console.log(`Stats         ${servers.statsUrl}  (POST ${servers.statsUrl}/reset; POST ${servers.resetUrl} re-seeds)`);
  console.log(`Indexed definitions in ${Math.round(indexMs)} ms, seeded ${seed.entry?.length ?? 0} resources in ${Math.round(seedMs)} ms. Ctrl-C stops.`);
  const stop = async () => {
    await servers.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
