// The viewport for the browser tests, the same in every engine (test/viewport.ts is the browser
// side). @web/test-runner-commands' setViewport needs puppeteer or Playwright; over WebDriver
// classic (WebKit) the window is sized instead, with the browser's own frame (toolbars, borders)
// added so the page gets the width and height asked for.
export function viewportPlugin() {
  return {
    name: 'zk-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'zk-viewport') return undefined;
      const { width, height } = payload ?? {};
      if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
        throw new Error(`zk-viewport: width and height are positive whole numbers; got ${JSON.stringify(payload)}`);
      }
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).setViewport({ width, height });
        return true;
      }
      if (session.browser.type === 'webdriver') {
        await fitWindowToViewport(session.browser.driver, width, height);
        return true;
      }
      throw new Error(`zk-viewport: no viewport for browser type ${session.browser.type}`);
    },
  };
}

/**
 * Over WebDriver classic (WebKit): sizes the window so the page gets `width` × `height` CSS px. The
 * frame (toolbar, borders) is the window's size as the driver has it less the page's. A read during
 * a resize can be stale: once it gave a size below 0, which WebDriver rejects; such a size is
 * measured again, not sent. `driver` is a webdriverio session. Returns whether the page got the size.
 */
export async function fitWindowToViewport(driver, width, height) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (innerWidth === width && innerHeight === height) return true;
    const frame = await driver.getWindowRect();
    const outer = [width + frame.width - innerWidth, height + frame.height - innerHeight];
    if (outer.every((n) => Number.isInteger(n) && n > 0)) await driver.setWindowSize(outer[0], outer[1]);
    else await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
  const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
  return innerWidth === width && innerHeight === height;
}
