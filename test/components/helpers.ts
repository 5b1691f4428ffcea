import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/i18n/locale.js';

/**
 * Call inside a `describe`: each test starts in English and fails on any Lit dev-mode warning
 * (other than the one "Lit is in dev mode" banner), as the model codebases do.
 */
export function englishAndNoLitWarnings(): void {
  let warn: typeof console.warn;
  let warnings: unknown[][];

  beforeEach(async () => {
    await setLocale('en');
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')) return;
      warnings.push(args);
    };
  });

  afterEach(async () => {
    console.warn = warn;
    await setLocale(undefined);
    expect(warnings, 'Lit dev-mode warnings').to.deep.equal([]);
  });
}

/** The text CSS draws before an element (`::before`; the first quoted string of its content), if shown. */
export function pseudoText(el: Element): string | undefined {
  const style = getComputedStyle(el, '::before');
  if (style.display === 'none') return undefined;
  const match = /^"((?:[^"\\]|\\.)*)"/.exec(style.content);
  return match?.[1];
}
