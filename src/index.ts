// zorgkit's public entry: importing it registers every element. Each element also has its own
// entry (`zorgkit/patient-banner`, …) for pages that use only some.
export * from './core/index.js';
export { setLocale, getLocale, LOCALES, type ZkLocale } from './i18n/locale.js';

export { ZkContext } from './components/context/context.js';
export { ZkPatientBanner } from './components/patient-banner/patient-banner.js';
export { ZkMedicationList } from './components/medication-list/medication-list.js';
export { ZkConsentDialog } from './components/consent-dialog/consent-dialog.js';

export { ZkBannerToggleEvent } from './events/banner-toggle.js';
export { ZkMedicationSelectEvent } from './events/medication-select.js';
export { ZkConsentDecisionEvent } from './events/consent-decision.js';
export { ZkConsentWithdrawEvent } from './events/consent-withdraw.js';
export { ZkConsentCloseEvent } from './events/consent-close.js';
export { ZkRequestCloseEvent, type ZkCloseSource } from './events/request-close.js';
export { ZkSessionExpiredEvent } from './events/session-expired.js';
export { ZkSignInRequestEvent } from './events/sign-in-request.js';

export type { ConsentRequest } from './model/consent.js';
