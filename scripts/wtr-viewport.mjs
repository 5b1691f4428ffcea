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
        const { driver } = session.browser;
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const [innerWidth, innerHeight, outerWidth, outerHeight] = await driver.execute(
            () => [window.innerWidth, window.innerHeight, window.outerWidth, window.outerHeight],
          );
          if (innerWidth === width && innerHeight === height) return true;
          await driver.setWindowSize(width + (outerWidth - innerWidth), height + (outerHeight - innerHeight));
        }
        return true;
      }
      throw new Error(`zk-viewport: no viewport for browser type ${session.browser.type}`);
    },
  };
}
