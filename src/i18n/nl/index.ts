import type { LocaleModule } from '@lit/localize';
import { templates as common } from './common.js';

/** All Dutch UI messages, by message id (`msg('…', { id })`). Each component keeps its own file. */
export const templates: LocaleModule['templates'] = {
  ...common,
};
