import { configureLocalization } from '@lit/localize';
import { templates as nlTemplates } from './nl/index.js';

import type { ZkLocale } from '../model/locale.js';

export type { ZkLocale };

/** The locales zorgkit ships. English is the source locale. */
export const LOCALES: readonly ZkLocale[] = ['en', 'nl'];

/** Maps any BCP 47 tag (`nl-NL`, `en-GB`, `NL`) to a shipped locale; anything else is English. */
export function toZkLocale(tag: string | null | undefined): ZkLocale {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'nl' ? 'nl' : 'en';
}

const KEY = Symbol.for('zorgkit/localization');
type Localization = { getLocale: () => string; setLocale: (l: string) => Promise<void>; explicit: boolean };
type Holder = { [KEY]?: Localization };

function localization(): Localization {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    // The Dutch messages are small and bundled: switching never waits on the network.
    const { getLocale, setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['nl'],
      loadLocale: () => Promise.resolve({ templates: nlTemplates }),
    });
    g[KEY] = { getLocale, setLocale, explicit: false };
    followDocumentLanguage(g[KEY]);
  }
  return g[KEY];
}

function followDocumentLanguage(l: Localization): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  const apply = () => {
    if (!l.explicit) void l.setLocale(toZkLocale(root.lang));
  };
  apply();
  new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['lang'] });
}

/** The locale zorgkit renders in now. */
export function getLocale(): ZkLocale {
  return toZkLocale(localization().getLocale());
}

/**
 * Switches every zorgkit element on the page to `locale` without reloading. Until this is called,
 * zorgkit follows `<html lang>` (and its changes). Pass `undefined` to follow `<html lang>` again.
 */
export async function setLocale(locale: string | undefined): Promise<void> {
  const l = localization();
  l.explicit = locale !== undefined;
  const target = locale === undefined && typeof document !== 'undefined' ? document.documentElement.lang : locale;
  await l.setLocale(toZkLocale(target));
}

/** Makes sure localization is configured (called by every element's module). */
export function initLocalization(): void {
  localization();
}
