// What `<zk-consent-dialog>` needs only once it is open: the request in words, the steps of a
// decision, the list of earlier decisions and the model behind them (building, checking and
// summarising Consents, with their vocabulary). A page opens the dialog rarely and later, so this
// is not part of the script every page loads at start-up: the element imports this module when it
// first opens, at the same time as it reads the patient's decisions, and bundlers make it a lazy chunk.
export {
  buildConsent, classifyConsent, consentIdentifier, hasIdentifier, requestFingerprint, requestFromAttributes, summariseConsents,
} from '../../model/consent.js';
export {
  DecisionMismatchError, renderCloseConfirm, renderPatient, renderRequest, renderSessionEnded, renderStep,
} from './consent-request-form.js';
export { renderConsentItem, renderHistory, renderWithdraw } from './consent-history.js';
/** Their Dutch messages: the element adds them when the parts have loaded, before it renders any of them. */
export { templates as dutch } from '../../i18n/nl/consent-dialog-parts.js';
