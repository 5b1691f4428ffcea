// zorgkit/react: typed React components for the zorgkit elements, made with @lit/react. Importing
// this entry registers the elements. Properties (`adapter`, `patientId`, `showAllergies`, …) are set
// as element properties, never stringified into attributes; each `zk-*` event is an `onZk…` prop.
// React is a peer dependency: it is the app's own copy, never bundled into zorgkit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ZkContext as ZkContextElement } from '../components/context/context.js';
import { ZkPatientBanner as ZkPatientBannerElement } from '../components/patient-banner/patient-banner.js';
import { ZkMedicationList as ZkMedicationListElement } from '../components/medication-list/medication-list.js';
import { ZkConsentDialog as ZkConsentDialogElement } from '../components/consent-dialog/consent-dialog.js';
import type { ZkBannerToggleEvent } from '../events/banner-toggle.js';
import type { ZkMedicationSelectEvent } from '../events/medication-select.js';
import type { ZkConsentDecisionEvent } from '../events/consent-decision.js';
import type { ZkConsentWithdrawEvent } from '../events/consent-withdraw.js';
import type { ZkConsentCloseEvent } from '../events/consent-close.js';
import type { ZkRequestCloseEvent } from '../events/request-close.js';

/**
 * `<zk-context>`: gives every zorgkit element inside it one UtilityClient for `adapter` (or the
 * `client` you pass). Keep the adapter stable (`useMemo`, or outside the component): a new adapter
 * is a new client with an empty cache.
 */
export const ZkContext = createComponent({
  react: React,
  tagName: 'zk-context',
  elementClass: ZkContextElement,
  displayName: 'ZkContext',
});

/** `<zk-patient-banner>`: name, born (age), gender and identifier. `onZkBannerToggle` when the user opens or closes the details. */
export const ZkPatientBanner = createComponent({
  react: React,
  tagName: 'zk-patient-banner',
  elementClass: ZkPatientBannerElement,
  displayName: 'ZkPatientBanner',
  events: {
    onZkBannerToggle: 'zk-banner-toggle' as EventName<ZkBannerToggleEvent>,
  },
});

/** `<zk-medication-list>`: the patient's medication. `onZkMedicationSelect` when the user chooses one. */
export const ZkMedicationList = createComponent({
  react: React,
  tagName: 'zk-medication-list',
  elementClass: ZkMedicationListElement,
  displayName: 'ZkMedicationList',
  events: {
    onZkMedicationSelect: 'zk-medication-select' as EventName<ZkMedicationSelectEvent>,
  },
});

/**
 * `<zk-consent-dialog>`: records, lists and withdraws consent. `onZkConsentDecision` and
 * `onZkConsentWithdraw` fire only after the server confirmed; `onZkRequestClose` is cancelable
 * (`event.preventDefault()` keeps it open); `onZkConsentClose` when it closed on the user's request
 * (set `open={false}` then, if you bind `open`).
 */
export const ZkConsentDialog = createComponent({
  react: React,
  tagName: 'zk-consent-dialog',
  elementClass: ZkConsentDialogElement,
  displayName: 'ZkConsentDialog',
  events: {
    onZkConsentDecision: 'zk-consent-decision' as EventName<ZkConsentDecisionEvent>,
    onZkConsentWithdraw: 'zk-consent-withdraw' as EventName<ZkConsentWithdrawEvent>,
    onZkRequestClose: 'zk-request-close' as EventName<ZkRequestCloseEvent>,
    onZkConsentClose: 'zk-consent-close' as EventName<ZkConsentCloseEvent>,
  },
});

export type ZkContextProps = React.ComponentProps<typeof ZkContext>;
export type ZkPatientBannerProps = React.ComponentProps<typeof ZkPatientBanner>;
export type ZkMedicationListProps = React.ComponentProps<typeof ZkMedicationList>;
export type ZkConsentDialogProps = React.ComponentProps<typeof ZkConsentDialog>;
