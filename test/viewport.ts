// The viewport in the browser tests: one helper for every engine (scripts/wtr-viewport.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/** Gives the page a viewport of `width` × `height` CSS px; fails when the engine cannot give it. */
export async function setViewportSize(width: number, height: number): Promise<void> {
  await executeServerCommand('zk-viewport', { width, height });
  const deadline = performance.now() + 3000;
  while (window.innerWidth !== width || window.innerHeight !== height) {
    if (performance.now() > deadline) {
      throw new Error(`viewport ${width}×${height} asked for, ${window.innerWidth}×${window.innerHeight} given`);
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/**
 * Whether this engine can give the page a `width` px viewport. WebKitGTK's MiniBrowser keeps its
 * window wider than a phone, so its reflow tests are skipped there (and say so) rather than
 * measuring a wider page than they claim to.
 */
export async function canSetViewportWidth(width: number): Promise<boolean> {
  try {
    await setViewportSize(width, 800);
    return true;
  } catch (error) {
    console.warn(`reflow tests skipped in this engine: ${String(error)}`);
    return false;
  }
}
