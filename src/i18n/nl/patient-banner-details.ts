/** Dutch messages of `<zk-patient-banner>`'s details (banner-details.ts, loaded with `expandable`). */
export const templates = {
  'patient-banner.contact': 'Contactgegevens',
  'patient-banner.other-identifiers': 'Andere nummers',
  'patient-banner.no-details': 'Geen contactgegevens of adres vastgelegd.',
};
