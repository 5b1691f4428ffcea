import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('zorgkit/context-root');

/**
 * Lets an element find a `<zk-context>` around it that is defined after it. An app may import
 * `zorgkit/patient-banner` before `zorgkit/context` (docs/index.md does): the banner is upgraded
 * first and asks for its client before any `<zk-context>` can answer. A ContextRoot on the document
 * keeps such unanswered requests and asks again when a provider connects. Called by the files that
 * define the elements, before they define them; one root per document, also with two copies of
 * zorgkit in a page.
 */
export function attachContextRoot(): void {
  const doc = document as Document & { [ATTACHED]?: true };
  if (doc[ATTACHED]) return;
  doc[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
