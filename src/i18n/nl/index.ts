import type { LocaleModule } from '@lit/localize';
import { templates as common } from './common.js';
import { templates as consentDialog } from './consent-dialog.js';
import { templates as medicationList } from './medication-list.js';
import { templates as patientBanner } from './patient-banner.js';

/** All Dutch UI messages, by message id (`msg('…', { id })`). Each component keeps its own file. */
export const templates: LocaleModule['templates'] = {
  ...common,
  ...consentDialog,
  ...medicationList,
  ...patientBanner,
};
