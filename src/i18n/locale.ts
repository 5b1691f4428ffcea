import { configureLocalization, type LocaleModule } from '@lit/localize';

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
type Templates = LocaleModule['templates'];
type Localization = { getLocale: () => string; setLocale: (l: string) => Promise<void>; explicit: boolean; nl: Templates };
type Holder = { [KEY]?: Localization };

function localization(): Localization {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    // One table of Dutch messages, filled by each element's module as it loads (`addDutch`), so a
    // page pays only for the elements it uses and switching never waits on the network.
    // @lit/localize keeps this object and looks each message up in it when rendering, so an element
    // loaded after the switch to Dutch finds its messages there too.
    const nl: Templates = Object.create(null) as Templates;
    const { getLocale, setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['nl'],
      loadLocale: () => Promise.resolve({ templates: nl }),
    });
    g[KEY] = { getLocale, setLocale, explicit: false, nl };
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

/**
 * Adds Dutch messages (by message id) for the elements of the module that calls it. Each element
 * module adds its own, before it is defined.
 */
export function addDutch(templates: Templates): void {
  Object.assign(localization().nl, templates);
}
