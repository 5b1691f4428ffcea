// A web-test-runner command: the page's full accessibility tree as Chromium gives it to screen
// readers (roles and names), for tests that check semantics survive a CSS layout change.
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const tree = await executeServerCommand('zk-ax-tree');
/** Keeps role, name and children; nodes without a role of their own give their children to the parent. */
function prune(node) {
  const children = (node.children ?? []).flatMap((child) => prune(child));
  if (['generic', 'none', 'InlineTextBox', 'LineBreak'].includes(node.role) || !node.role) return children;
  if (node.role === 'StaticText') return [{ role: 'StaticText', name: node.name }];
  return [{ role: node.role, name: node.name, ...(children.length ? { children } : {}) }];
}

export function axTreePlugin() {
  return {
    name: 'zk-ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'zk-ax-tree') return undefined;
      // Only Chromium (over CDP) gives the tree; Firefox over BiDi and WebKit over WebDriver classic
      // do not: false there (null would read as "no such command"), and the test says it was skipped.
      const page = session.browser.getPage?.(session.id);
      if (!page || (await page.browser().version()).toLowerCase().includes('firefox')) return false;
      const snapshot = await page.accessibility.snapshot({ interestingOnly: false });
      return snapshot ? prune(snapshot)[0] ?? null : null;
    },
  };
}
