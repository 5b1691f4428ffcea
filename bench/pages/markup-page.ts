// Render benchmark page, a reference and not a budget: the medication list's own markup and style
// sheets (a snapshot of what `<zk-medication-list>` rendered for the same rows, taken in another
// page before the clock starts) inserted as static HTML, with no JavaScript of zorgkit or Lit.
// What any implementation of this table pays to parse, style, lay out and paint it: the list's
// first paint minus this row is the cost of zorgkit's code; this row minus the floor is the cost of
// what the list shows beyond the floor's four plain columns (name buttons, sources, six columns, toolbar).
import { installHarness, type MarkupSnapshot } from './harness.js';

let snapshot: MarkupSnapshot | undefined;

installHarness({
  prepare(_n, input) {
    snapshot = input as MarkupSnapshot;
    if (!snapshot?.html) throw new Error('markup-page: no snapshot of the list was given');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' });
    return host;
  },
  insert(el, container) {
    // The style sheets are parsed here, in the timed part, as the list parses its own.
    el.shadowRoot!.adoptedStyleSheets = snapshot!.css.map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
    el.shadowRoot!.innerHTML = snapshot!.html;
    container.append(el);
  },
  target: (el) => el,
  hasRows: (el) => (el.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) > 0,
  searchInput: () => null,
  rowCount: (el) => el.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0,
  shownCount: (el) => el.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0,
});
