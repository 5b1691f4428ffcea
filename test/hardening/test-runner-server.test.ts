// The server of `npm test` itself (issue 16): the test pages are served by @web/test-runner's dev
// server, which must not hand out files outside the repository or dotfiles either. Asked from the
// test page, as any page in the browser could ask.
import { expect } from '@open-wc/testing';

describe('the npm test server (web-test-runner) refuses what it must not serve', () => {
  for (const path of ['/__wds-outside-root__/2/etc/passwd', '/__wds-outside-root__/10/etc/passwd', '/.git/config', '/.git', '/.gitignore', '/%2Egit/config']) {
    it(`GET ${path} is refused`, async () => {
      const response = await fetch(path);
      expect(response.status).to.equal(403);
      expect(await response.text()).not.to.match(/root:|\[core\]|gitdir|node_modules/);
    });
  }

  it('still serves the repository\'s own files (package.json)', async () => {
    const response = await fetch('/package.json');
    expect(response.status).to.equal(200);
  });
});
