// `npm run sandbox`: the local SMART sandbox on 127.0.0.1, fully offline (see sandbox.mjs).
//
//   npm run sandbox                                   ports 8090 (open FHIR) and 8091 (SMART)
//   npm run sandbox -- --app http://localhost:5173/   also register your own app's redirect URI
//   npm run sandbox -- --token-ttl 60 --refresh-ttl 300 --port 9091 --fhir-port 9090 --log
import { pathToFileURL } from 'node:url';
import { DEFAULT_APP_URLS, DEFAULT_CLIENT_ID, DEFAULT_FHIR_PORT, DEFAULT_PORT, startSandbox } from './sandbox.mjs';

const HELP = `npm run sandbox -- [options]
  --port <n>          SMART side: authorization server, protected FHIR base, launcher (default ${DEFAULT_PORT})
  --fhir-port <n>     the open FHIR server the demo's "local FHIR server" mode uses (default ${DEFAULT_FHIR_PORT})
  --app <url>         an app redirect URI to register (repeatable; default: ${DEFAULT_APP_URLS.join(', ')})
  --client-id <id>    the public client's id (default ${DEFAULT_CLIENT_ID})
  --token-ttl <s>     access token lifetime in seconds (default 300)
  --refresh-ttl <s>   refresh token lifetime in seconds (default 3600)
  --open              do not require a token on the SMART FHIR base (debugging)
  --frame-ancestors <origins>  who may show the sign-in pages in a frame (an EHR page that opens apps in an iframe)
  --log               log every request`;

export function parseArgs(argv) {
  const args = { appUrl: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
      return n;
    };
    if (flag === '--port') args.port = number();
    else if (flag === '--fhir-port') args.fhirPort = number();
    else if (flag === '--app') args.appUrl.push(new URL(value()).href);
    else if (flag === '--client-id') args.clientId = value();
    else if (flag === '--token-ttl') args.tokenTtlSeconds = number();
    else if (flag === '--refresh-ttl') args.refreshTokenTtlSeconds = number();
    else if (flag === '--open') args.requireToken = false;
    else if (flag === '--frame-ancestors') args.frameAncestors = value();
    else if (flag === '--log') args.log = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`Unknown option: ${argv[i]}`);
  }
  if (args.appUrl.length === 0) delete args.appUrl;
  else args.appUrl = [...DEFAULT_APP_URLS, ...args.appUrl];
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(HELP);
    process.exit(0);
  }
  let sandbox;
  try {
    sandbox = await startSandbox(args);
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(`Port ${error.port} is in use. Is the sandbox already running? Choose others with --port / --fhir-port.`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`
zorgkit SMART sandbox (fictional data, 127.0.0.1 only)

  Launcher           ${sandbox.launcherUrl}
  SMART FHIR (iss)   ${sandbox.smartFhirUrl}   (bearer token required${sandbox.settings.requireToken ? '' : ' — OFF (--open)'})
  SMART config       ${sandbox.smartFhirUrl}/.well-known/smart-configuration
  Authorization      ${sandbox.issuer}
  Open FHIR          ${sandbox.fhirUrl}   (no token: the demo's "local FHIR server")
  Client             ${sandbox.clientId} (public, PKCE S256) — redirect URIs:
${sandbox.redirectUris.map((u) => `                       ${u}`).join('\n')}

Start the demo (npm start), open the launcher, and launch. Ctrl+C stops.`);
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
