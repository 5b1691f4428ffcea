// The column names the stacked (narrow) layout of `<zk-medication-list>` draws before each value:
// CSS generated content with empty alternative text (screen readers announce the column header
// instead), in a small style sheet per locale that the shadow root adopts, not an attribute on
// every cell (a 100-row list had 500 of them to write). The sheet's query is the stacked layout's
// (`@container zk-medication-list (max-width: 63.99rem)` in medication-list.styles.ts).
import type { ZkLocale } from '../../model/locale.js';

/** The columns whose name the stacked layout draws before each value (cells of class `v-<column>`). */
export type LabelledColumn = 'strength' | 'dosage' | 'status' | 'period' | 'prescriber';
const LABELLED: readonly LabelledColumn[] = ['strength', 'dosage', 'status', 'period', 'prescriber'];

const sheets = new Map<ZkLocale, CSSStyleSheet>();

/** The sheet of the locale's column names, made once per locale and shared by every list. */
function sheetFor(locale: ZkLocale, label: (column: LabelledColumn) => string): CSSStyleSheet {
  let sheet = sheets.get(locale);
  if (!sheet) {
    // Each name twice: where generated content takes no alternative text the second is dropped.
    const rule = (column: LabelledColumn) => {
      const name = JSON.stringify(label(column));
      return `.v-${column}::before{content:${name};content:${name} / ""}`;
    };
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`@container zk-medication-list (max-width: 63.99rem){${LABELLED.map(rule).join('')}}`);
    sheets.set(locale, sheet);
  }
  return sheet;
}

/**
 * Adopts the locale's sheet in `root` in place of `previous` (the sheet adopted before, if any) and
 * returns it; `undefined` where shadow roots cannot adopt sheets.
 */
export function adoptCellLabels(
  root: ShadowRoot | null, previous: CSSStyleSheet | undefined, locale: ZkLocale, label: (column: LabelledColumn) => string,
): CSSStyleSheet | undefined {
  if (!root || !Array.isArray(root.adoptedStyleSheets)) return previous;
  const sheet = sheetFor(locale, label);
  if (sheet !== previous) root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== previous), sheet];
  return sheet;
}
