/** Dutch messages of `<zk-consent-dialog>` itself (its parts have theirs in consent-dialog-parts.ts). */
export const templates = {
  'consent-dialog.heading': 'Uw gezondheidsgegevens delen',
  'consent-dialog.close': 'Sluiten',
  'consent-dialog.loading': 'Toestemmingen laden',
  'consent-dialog.load-error': 'Uw eerdere besluiten konden niet worden geladen.',
  'consent-dialog.read-only': 'U kunt uw besluiten hier bekijken, maar niet vastleggen of wijzigen: deze verbinding staat dat niet toe. Vraag het uw zorgverlener.',
  'consent-dialog.saving': 'Uw besluit wordt opgeslagen…',
  'consent-dialog.saved': 'Uw besluit is vastgelegd.',
  'consent-dialog.withdrawing': 'Uw besluit wordt ingetrokken…',
  'consent-dialog.withdrawn': 'Uw besluit is ingetrokken. Het geldt niet meer.',
  'consent-dialog.withdraw-conflict': 'Dit besluit is intussen ergens anders gewijzigd, dus er is niets ingetrokken. De lijst is opnieuw geladen: bekijk hem, en trek het besluit opnieuw in als u dat nog wilt.',
};
