// A web-test-runner plugin that starts the real FHIR test server and the fault proxy on 127.0.0.1
// the first time a browser test asks for them (GET /__zk/servers.json), and stops them at the end.
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
    async serverStop() {
      if (servers) await (await servers).close();
    },
  };
}
