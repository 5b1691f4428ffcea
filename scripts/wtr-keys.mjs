// Keyboard input for the browser tests, the same in every engine (test/keys.ts is the browser
// side). Each key is pressed and released before the next one, optionally with Shift held:
// - puppeteer (Chromium over CDP, Firefox over WebDriver BiDi): BiDi knows no key named 'Space';
// - WebDriver classic (WebKit): the stock sendKeys has no held Shift, and its `type` presses every
//   key down before releasing any, so WebKit drops repeated letters ('zzz' types 'z').

/** Named keys the tests use, as W3C WebDriver key codes; any single character is itself. */
const W3C = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Escape: '\uE00C', Space: ' ',
  End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017',
};

function check(keys) {
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string' || (k.length !== 1 && !(k in W3C)))) {
    throw new Error(`zk-keys: each key is one character or one of ${Object.keys(W3C).join(' ')}; got ${JSON.stringify(keys)}`);
  }
}

export function keysPlugin() {
  return {
    name: 'zk-keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'zk-keys') return undefined;
      const { keys, shift = false } = payload ?? {};
      check(keys);
      if (session.browser.type === 'puppeteer') {
        const { keyboard } = session.browser.getPage(session.id);
        if (shift) await keyboard.down('Shift');
        try {
          for (const key of keys) {
            if (key.length === 1) await keyboard.type(key);
            else await keyboard.press(key === 'Space' ? ' ' : key);
          }
        } finally {
          if (shift) await keyboard.up('Shift');
        }
        return true;
      }
      if (session.browser.type === 'webdriver') {
        const code = (k) => W3C[k] ?? k;
        const actions = keys.flatMap((k) => [{ type: 'keyDown', value: code(k) }, { type: 'keyUp', value: code(k) }]);
        if (shift) {
          actions.unshift({ type: 'keyDown', value: W3C.Shift });
          actions.push({ type: 'keyUp', value: W3C.Shift });
        }
        const { driver } = session.browser;
        await driver.performActions([{ type: 'key', id: 'zk-keyboard', actions }]);
        await driver.releaseActions();
        return true;
      }
      throw new Error(`zk-keys: no keyboard for browser type ${session.browser.type}`);
    },
  };
}
