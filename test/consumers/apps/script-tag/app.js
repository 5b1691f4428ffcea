// The page's own script, importing only from the package's self-contained bundle (copied beside it).
import { MemoryAdapter } from './zorgkit.js';
import { resources } from './data.js';

document.getElementById('zk').adapter = new MemoryAdapter(resources);
document.getElementById('open-consent').addEventListener('click', () => {
  document.querySelector('zk-consent-dialog').open = true;
});
