// The newcomer's own script: plain JavaScript, importing only from the self-contained bundle.
import { MemoryAdapter } from '/dist/zorgkit.js';
import { demoBundle } from '/demo/data/demo-data.js';

document.getElementById('zk').adapter = new MemoryAdapter(demoBundle);
