// A web-test-runner plugin that starts the real FHIR test server and the fault proxy on 127.0.0.1
// as the run starts (browser tests ask for their addresses with GET /__zk/servers.json), and stops
// them at the end.
let servers;

async function start() {
  const [{ startTestServers }, { demoBundle }] = await Promise.all([
    import('../test/servers/start-test-servers.mjs'),
    import('../demo/data/demo-data.js'),
  ]);
  return startTestServers({ seed: demoBundle });
}

export function testServersPlugin() {
  return {
    name: 'zk-test-servers',
    async serve(context) {
      if (context.path !== '/__zk/servers.json') return undefined;
      servers ??= start();
      const { fhirUrl, proxyUrl } = await servers;
      return { body: JSON.stringify({ fhirUrl, proxyUrl }), type: 'application/json' };
    },
    // Started with the run, while the browser starts: not inside the first test that asks.
    serverStart() {
      servers ??= start();
      servers.catch(() => undefined);
    },
    async serverStop() {
      if (servers) await (await servers).close();
    },
  };
}
