/** The locales the model formats in. English is the source locale. */
export type ZkLocale = 'en' | 'nl';

/** The BCP 47 tag zorgkit hands to `Intl` for each locale. */
export const INTL_TAG: Record<ZkLocale, string> = { en: 'en-GB', nl: 'nl-NL' };
