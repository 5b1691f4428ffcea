/** Dutch messages shared by every element (states, errors). */
export const templates = {
  'error.not-found': 'Het dossier is niet gevonden.',
  'error.unauthorized': 'Uw sessie is verlopen. Meld u opnieuw aan.',
  'error.forbidden': 'U hebt geen toegang tot deze gegevens.',
  'error.conflict': 'Iemand anders heeft dit dossier intussen gewijzigd.',
  'error.timeout': 'De server antwoordde niet op tijd.',
  'error.network': 'De server is niet bereikbaar. Controleer de verbinding.',
  'error.invalid': 'De server stuurde gegevens die niet te lezen zijn.',
  'error.server': 'De server meldde een probleem.',
  'state.retry': 'Opnieuw proberen',
  'state.no-patient': 'Geen patiënt geselecteerd.',
  'state.no-client': 'Niet verbonden met een gegevensbron.',
};
