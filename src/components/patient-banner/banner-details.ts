// What `<zk-patient-banner expandable>` adds: the patient's contact details and addresses in words.
// Only banners with `expandable` show them, so the element imports this module only then (with the
// patient's data); bundlers make it a lazy chunk, and other banners never load it.
export { patientBannerView } from '../../model/patient-contact.js';
