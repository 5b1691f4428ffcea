// The viewport in the browser tests: one helper for every engine (scripts/wtr-viewport.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Gives the page a viewport of `width` × `height` CSS px (window.innerWidth/innerHeight, media
 * queries, the document's width); fails when the engine cannot give it. Every engine gives phone
 * widths down to 320 px: WebKit's MiniBrowser through its window, its toolbar made narrow enough
 * (scripts/engines.mjs).
 */
export async function setViewportSize(width: number, height: number): Promise<void> {
  await executeServerCommand('zk-viewport', { width, height });
  const deadline = performance.now() + 3000;
  // The size media queries see, too (a zoomed or scaled page could differ from window.inner*).
  const query = matchMedia(`(width: ${width}px) and (height: ${height}px)`);
  while (window.innerWidth !== width || window.innerHeight !== height || !query.matches) {
    if (performance.now() > deadline) {
      throw new Error(`viewport ${width}×${height} asked for, ${window.innerWidth}×${window.innerHeight} given${query.matches ? '' : ' (media queries see another size)'}`);
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
