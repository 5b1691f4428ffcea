// zorgkit demo data set: one FHIR R4 Bundle (type "collection") of FICTIONAL patients.
//
// Everything here is made up. No real person is described: names, BSNs (test range 9999xxxxx),
// NHS numbers (test range 999 xxx xxxx), addresses, phone numbers (NL 06-1234xxxx, UK Ofcom
// drama range 07700 900xxx), e-mail addresses (example.org) and organisations are fictional.
// The G-Standaard numbers (HPK/PRK/GPK) are invented placeholders of the right shape: do NOT look
// them up, they may belong to other products or to nothing at all.
//
// Shaped after nl-core / zib2020 (Patient, NameInformation, AddressInformation, TreatmentDirective2)
// and Medicatieproces 9 (categories, ext-RenderedDosageInstruction, ext-TimeInterval.Period,
// ext-PharmaceuticalTreatment.Identifier). All relative data was designed around DEMO_TODAY.
//
// Plain ES module: no imports, no Node or DOM APIs, deterministic. Works in Node 20 and browsers.
//
// Id conventions (patient prefix + MP9 building block):
//   vp- van Putten, dv- de Vries, bdj- Bakker-de Jong, wh- Whitfield, hd- Hendriks, sm- Smit,
//   baby- baby van Dam;  -ma- medicatieafspraak (MedicationRequest, category 33633005),
//   -vv- verstrekkingsverzoek (MedicationRequest, 52711000146108),
//   -mgb- medicatiegebruik (MedicationStatement, 422979000).

/** The date the data set was designed around (consent periods, "current" medication, ages). */
export const DEMO_TODAY = '2026-11-22';

// ---------------------------------------------------------------------------------------------
// Systems and extension URLs

const SCT = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
// G-Standaard (Z-Index) code systems, as published by Nictiz (HL7v3 medicationKind.code):
const GS_HPK = 'urn:oid:2.16.840.1.113883.2.4.4.7'; // handelsproductcode (trade product)
const GS_PRK = 'urn:oid:2.16.840.1.113883.2.4.4.10'; // voorschrijfproductcode (prescription code)
const GS_GPK = 'urn:oid:2.16.840.1.113883.2.4.4.1'; // generieke productcode (generic product)
const GS_ROUTE = 'urn:oid:2.16.840.1.113883.2.4.4.9'; // thesaurus 0007 toedieningsweg
const GS_UNIT = 'urn:oid:2.16.840.1.113883.2.4.4.1.900.2'; // G-Standaard eenheden

const BSN = 'http://fhir.nl/fhir/NamingSystem/bsn';
const BSN_OLD = 'urn:oid:2.16.840.1.113883.2.4.6.3';
const URA = 'http://fhir.nl/fhir/NamingSystem/ura';
const UZI = 'http://fhir.nl/fhir/NamingSystem/uzi-nr-pers';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

const HL7SD = 'http://hl7.org/fhir/StructureDefinition/';
const NICTIZ = 'http://nictiz.nl/fhir/StructureDefinition/';
const NL_CORE_PATIENT = `${NICTIZ}nl-core-Patient`;
const EXT_RENDERED = `${NICTIZ}ext-RenderedDosageInstruction`;
const EXT_PERIOD = `${NICTIZ}ext-TimeInterval.Period`;
const EXT_TREATMENT = `${NICTIZ}ext-PharmaceuticalTreatment.Identifier`;
const EXT_STOP_TYPE = `${NICTIZ}ext-StopType`;
const EXT_COMMENT = `${NICTIZ}ext-Comment`;
const EXT_ADDRESS_TYPE = `${NICTIZ}ext-AddressInformation.AddressType`;
const EXT_CODE_SPEC = `${NICTIZ}ext-CodeSpecification`;

const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const V3_ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const V3_PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
const V3_ROLE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const RESOURCE_TYPES = 'http://hl7.org/fhir/resource-types';

// Fictional identifier systems of the fictional organisations (RFC 2606 ".example" domain).
const SYS_TREATMENT = 'https://zorgkit.example/fhir/NamingSystem/medicamenteuze-behandeling';
const SYS_MP9 = 'https://zorgkit.example/fhir/NamingSystem/mp9-bouwsteen';
const SYS_MRN = 'https://zilverlinde.example/fhir/NamingSystem/patientnummer';

// ---------------------------------------------------------------------------------------------
// Small builders (each call returns fresh objects; the bundle is deep-copied at the end anyway)

const coding = (system, code, display) => ({ system, code, display });
const concept = (text, ...codings) => ({ coding: codings.length ? codings : undefined, text });
const ref = (reference, display) => ({ reference, display });
const ident = (system, value) => ({ system, value });

/** A UCUM quantity; `unit` is the human-readable (Dutch, as in MP9 data) unit text. */
const q = (value, code, unit) => ({ value, unit, system: UCUM, code });
const tbl = (v) => q(v, '{tbl}', 'tablet');
const caps = (v) => q(v, '{caps}', 'capsule');
const mg = (v) => q(v, 'mg', 'mg');
const ug = (v) => q(v, 'ug', 'microgram');
const ml = (v) => q(v, 'mL', 'mL');
const iu = (v) => q(v, '[iU]', 'internationale eenheid');
const drp = (v) => q(v, '[drp]', 'druppel');
const puff = (v) => q(v, '{dosis}', 'dosis');
const sachet = (v) => q(v, '{sachet}', 'sachet');
const days = (v) => q(v, 'd', 'dag');
/** A tablet count that also carries the G-Standaard unit "stuk" (245), as real MP9 data does. */
const tblGs = (v) => ({
  ...tbl(v),
  extension: [{ url: `${HL7SD}iso21090-PQ-translation`, valueQuantity: { value: v, unit: 'stuk', system: GS_UNIT, code: '245' } }],
});
const perDay = (numerator) => ({ numerator, denominator: days(1) });

// Only "9 oraal" carries a G-Standaard route code (as in the Nictiz MP9 examples); the other
// routes are SNOMED CT only rather than guessed thesaurus-0007 numbers.
const ROUTE = {
  oraal: () => concept('oraal', coding(GS_ROUTE, '9', 'oraal'), coding(SCT, '26643006', 'Oral route')),
  subcutaan: () => concept('subcutaan', coding(SCT, '34206005', 'Subcutaneous route')),
  intraveneus: () => concept('intraveneus', coding(SCT, '47625008', 'Intravenous route')),
  intramusculair: () => concept('intramusculair', coding(SCT, '78421000', 'Intramuscular route')),
  cutaan: () => concept('cutaan', coding(SCT, '6064005', 'Topical route')),
  oculair: () => concept('oculair', coding(SCT, '54485002', 'Ophthalmic route')),
  inhalatie: () => concept('inhalatie', coding(SCT, '447694001', 'Respiratory tract route')),
  sublinguaal: () => concept('sublinguaal', coding(SCT, '37839007', 'Sublingual route')),
  rectaal: () => concept('rectaal', coding(SCT, '37161004', 'Rectal route')),
};

const REASON = {
  pijn: () => concept('bij pijn', coding(SCT, '22253000', 'Pain')),
  misselijkheid: () => concept('bij misselijkheid', coding(SCT, '422587007', 'Nausea')),
  benauwdheid: () => concept('bij benauwdheid', coding(SCT, '267036007', 'Dyspnea')),
  pijnOpBorst: () => concept('bij pijn op de borst', coding(SCT, '29857009', 'Chest pain')),
};

/**
 * One Dosage. Short keys: seq, text, freq/freqMax/per/unit (timing), when, dow, tod, bounds
 * (boundsPeriod), boundsDays, count, dose (Quantity), range [low, high], rate (Quantity),
 * prn (true | CodeableConcept), route, max (Ratio), add (additional instruction text),
 * instruction (patientInstruction), site (text).
 */
function dosage(d) {
  const repeat = {
    boundsPeriod: d.bounds,
    boundsDuration: d.boundsDays === undefined ? undefined : days(d.boundsDays),
    count: d.count,
    frequency: d.freq,
    frequencyMax: d.freqMax,
    period: d.per,
    periodUnit: d.per === undefined ? undefined : (d.unit ?? 'd'),
    dayOfWeek: d.dow,
    timeOfDay: d.tod,
    when: d.when,
  };
  const hasTiming = Object.values(repeat).some((v) => v !== undefined);
  const doseAndRate = d.dose || d.range || d.rate
    ? [{
      doseQuantity: d.dose,
      doseRange: d.range ? { low: d.range[0], high: d.range[1] } : undefined,
      rateQuantity: d.rate,
    }]
    : undefined;
  return {
    sequence: d.seq,
    text: d.text,
    additionalInstruction: d.add ? [concept(d.add)] : undefined,
    patientInstruction: d.instruction,
    timing: hasTiming ? { repeat } : undefined,
    asNeededBoolean: d.prn === true ? true : undefined,
    asNeededCodeableConcept: d.prn && d.prn !== true ? d.prn : undefined,
    site: d.site ? concept(d.site) : undefined,
    route: d.route,
    doseAndRate,
    maxDosePerPeriod: d.max,
  };
}

// ---------------------------------------------------------------------------------------------
// Products (fictional G-Standaard numbers, real generic drug names)

/** A product's CodeableConcept: HPK and/or PRK and/or GPK codings plus the full text. */
function productConcept(p) {
  return concept(
    p.text,
    ...(p.hpk ? [coding(GS_HPK, p.hpk[0], p.hpk[1])] : []),
    ...(p.prk ? [coding(GS_PRK, p.prk[0], p.prk[1])] : []),
    ...(p.gpk ? [coding(GS_GPK, p.gpk[0], p.gpk[1])] : []),
  );
}

const PRODUCTS = {
  metoprolol50: {
    text: 'metoprololsuccinaat retard tablet 50 mg',
    hpk: ['2381052', 'METOPROLOLSUCCINAAT DEMOFARMA TABLET MGA 50MG'],
    prk: ['61492', 'METOPROLOLSUCCINAAT TABLET MGA 50MG'],
  },
  metoprolol25: {
    text: 'metoprololsuccinaat retard tablet 25 mg',
    hpk: ['2381044', 'METOPROLOLSUCCINAAT DEMOFARMA TABLET MGA 25MG'],
    prk: ['61484', 'METOPROLOLSUCCINAAT TABLET MGA 25MG'],
  },
  levothyroxine25: {
    text: 'levothyroxine tablet 0,025 mg',
    prk: ['72117', 'LEVOTHYROXINE TABLET 0,025MG'],
    gpk: ['108219', 'LEVOTHYROXINE TABLET 25UG'],
  },
  levothyroxine50: { text: 'levothyroxine tablet 0,05 mg', prk: ['72125', 'LEVOTHYROXINE TABLET 0,05MG'] },
  insulineGlargine: {
    text: 'insuline glargine 100 eenheden/ml injectievloeistof in voorgevulde pen 3 ml',
    hpk: ['2590212', 'INSULINE GLARGINE DEMOFARMA INJVLST 100E/ML PEN 3ML'],
    prk: ['84123', 'INSULINE GLARGINE INJVLST 100E/ML PEN 3ML'],
  },
  insulineAspart: {
    text: 'insuline aspart 100 eenheden/ml injectievloeistof in voorgevulde pen 3 ml',
    prk: ['84158', 'INSULINE ASPART INJVLST 100E/ML PEN 3ML'],
  },
  paracetamol500: {
    text: 'paracetamol tablet 500 mg',
    hpk: ['2133601', 'PARACETAMOL DEMOFARMA TABLET 500MG'],
    prk: ['21946', 'PARACETAMOL TABLET 500MG'],
    gpk: ['101230', 'PARACETAMOL TABLET 500MG'],
  },
  furosemide40: { text: 'furosemide tablet 40 mg', hpk: ['2203391', 'FUROSEMIDE DEMOFARMA TABLET 40MG'], prk: ['33472', 'FUROSEMIDE TABLET 40MG'] },
  alendroninezuur70: { text: 'alendroninezuur tablet 70 mg', prk: ['54518', 'ALENDRONINEZUUR TABLET 70MG'] },
  acenocoumarol1: { text: 'acenocoumarol tablet 1 mg', prk: ['12912', 'ACENOCOUMAROL TABLET 1MG'] },
  amoxiClav: {
    text: 'amoxicilline/clavulaanzuur tablet 500/125 mg',
    hpk: ['2277166', 'AMOXICILLINE/CLAVULAANZUUR DEMOFARMA TABLET 500/125MG'],
    prk: ['40681', 'AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG'],
  },
  macrogol: {
    text: 'macrogol 3350/natriumchloride/natriumwaterstofcarbonaat/kaliumchloride poeder voor drank in sachet 13,125 g/350,7 mg/178,5 mg/46,6 mg',
    hpk: ['2330075', 'MACROGOL/ELEKTROLYTEN DEMOFARMA PDR V DRANK SACHET 13,7G'],
    prk: ['46159', 'MACROGOL 3350/NACL/NAHCO3/KCL PDR V DRANK 13,125G/350,7MG/178,5MG/46,6MG'],
  },
  tiotropium: { text: 'tiotropium inhalatievloeistof 2,5 microgram/dosis', prk: ['88129', 'TIOTROPIUM INHALATIEVLOEISTOF 2,5UG/DOSIS'] },
  prednisolon5: { text: 'prednisolon tablet 5 mg', hpk: ['2004151', 'PREDNISOLON DEMOFARMA TABLET 5MG'], prk: ['10871', 'PREDNISOLON TABLET 5MG'] },
  morfine10: { text: 'morfine injectievloeistof 10 mg/ml ampul 1 ml', prk: ['37745', 'MORFINE INJVLST 10MG/ML AMPUL 1ML'] },
  nacl09: { text: 'natriumchloride infusievloeistof 9 mg/ml (0,9%) zak 1000 ml', prk: ['26557', 'NATRIUMCHLORIDE INFVLST 9MG/ML ZAK 1000ML'] },
  hydrochloorthiazide: { text: 'hydrochloorthiazide tablet 12,5 mg', hpk: ['2108194', 'HYDROCHLOORTHIAZIDE DEMOFARMA TABLET 12,5MG'], prk: ['19577', 'HYDROCHLOORTHIAZIDE TABLET 12,5MG'] },
  enoxaparine: { text: 'enoxaparine injectievloeistof 4000 IE/0,4 ml wegwerpspuit', prk: ['55204', 'ENOXAPARINE INJVLST 10.000IE/ML WWSP 0,4ML'] },
  colecalciferol800: { text: 'colecalciferol tablet 800 IE', hpk: ['2681102', 'COLECALCIFEROL DEMOFARMA TABLET 800IE'], prk: ['95796', 'COLECALCIFEROL TABLET 800IE'] },
  omeprazol20: { text: 'omeprazol capsule maagsapresistent 20 mg', prk: ['35815', 'OMEPRAZOL CAPSULE MSR 20MG'], gpk: ['106089', 'OMEPRAZOL CAPSULE MSR 20MG'] },
  omeprazol40: { text: 'omeprazol capsule maagsapresistent 40 mg', prk: ['35823', 'OMEPRAZOL CAPSULE MSR 40MG'] },
  nitrofurantoine50: { text: 'nitrofurantoïne capsule 50 mg', prk: ['11835', 'NITROFURANTOINE CAPSULE 50MG'] },
  nitrofurantoine100: { text: 'nitrofurantoïne capsule met gereguleerde afgifte 100 mg', prk: ['11843', 'NITROFURANTOINE CAPSULE MGA 100MG'] },
  fosfomycine: { text: 'fosfomycine granulaat voor drank in sachet 3 g', prk: ['30570', 'FOSFOMYCINE GRANULAAT V DRANK 3G SACHET'] },
  doxycycline: { text: 'doxycycline tablet 100 mg', prk: ['13005', 'DOXYCYCLINE TABLET 100MG'] },
  ciprofloxacine: { text: 'ciprofloxacine tablet 500 mg', prk: ['26352', 'CIPROFLOXACINE TABLET 500MG'] },
  claritromycine: { text: 'claritromycine tablet 500 mg', prk: ['31860', 'CLARITROMYCINE TABLET 500MG'] },
  oseltamivir: { text: 'oseltamivir capsule 75 mg', prk: ['60119', 'OSELTAMIVIR CAPSULE 75MG'] },
  tramadol: { text: 'tramadol capsule 50 mg', prk: ['27596', 'TRAMADOL CAPSULE 50MG'] },
  diclofenac: { text: 'diclofenac-natrium tablet maagsapresistent 50 mg', prk: ['14168', 'DICLOFENAC-NATRIUM TABLET MSR 50MG'] },
  simvastatine: { text: 'simvastatine tablet 40 mg', prk: ['38792', 'SIMVASTATINE TABLET 40MG'] },
  atorvastatine20: { text: 'atorvastatine tablet 20 mg', prk: ['49565', 'ATORVASTATINE TABLET 20MG'] },
  atorvastatine40: { text: 'atorvastatine tablet 40 mg', prk: ['49573', 'ATORVASTATINE TABLET 40MG'] },
  metformine: { text: 'metformine tablet 500 mg', prk: ['17736', 'METFORMINE TABLET 500MG'] },
  gliclazide: { text: 'gliclazide tablet met gereguleerde afgifte 30 mg', prk: ['57746', 'GLICLAZIDE TABLET MGA 30MG'] },
  lisinopril: { text: 'lisinopril tablet 10 mg', prk: ['24783', 'LISINOPRIL TABLET 10MG'] },
  losartan: { text: 'losartan tablet 50 mg', prk: ['40320', 'LOSARTAN TABLET 50MG'] },
  amlodipine: { text: 'amlodipine tablet 5 mg', prk: ['39063', 'AMLODIPINE TABLET 5MG'] },
  spironolacton: { text: 'spironolacton tablet 25 mg', prk: ['13684', 'SPIRONOLACTON TABLET 25MG'] },
  digoxine: { text: 'digoxine tablet 0,125 mg', prk: ['12106', 'DIGOXINE TABLET 0,125MG'] },
  carbasalaatcalcium: { text: 'carbasalaatcalcium tablet 100 mg', prk: ['42099', 'CARBASALAATCALCIUM TABLET 100MG'] },
  temazepam: { text: 'temazepam capsule 10 mg', prk: ['16535', 'TEMAZEPAM CAPSULE 10MG'] },
  oxazepam: { text: 'oxazepam tablet 10 mg', prk: ['11894', 'OXAZEPAM TABLET 10MG'] },
  ondansetron: { text: 'ondansetron tablet 4 mg', prk: ['34479', 'ONDANSETRON TABLET 4MG'] },
  oxycodonDrank: { text: 'oxycodon drank 1 mg/ml', prk: ['62790', 'OXYCODON DRANK 1MG/ML'] },
  lactulose: { text: 'lactulose stroop 670 mg/ml', prk: ['10405', 'LACTULOSE STROOP 670MG/ML'] },
  salbutamol: { text: 'salbutamol aerosol 100 microgram/dosis', prk: ['17922', 'SALBUTAMOL AEROSOL 100UG/DOSIS'] },
  fluticasonSalmeterol: { text: 'fluticason/salmeterol inhalatiepoeder 250/50 microgram/dosis', prk: ['52094', 'FLUTICASON/SALMETEROL INHALATIEPOEDER 250/50UG/DOSIS'] },
  beclometasonFormoterol: { text: 'beclometason/formoterol aerosol 100/6 microgram/dosis', prk: ['81140', 'BECLOMETASON/FORMOTEROL AEROSOL 100/6UG/DOSIS'] },
  hydrocortisonCreme: { text: 'hydrocortisonacetaat crème 10 mg/g (1%)', prk: ['15342', 'HYDROCORTISONACETAAT CREME 10MG/G'] },
  timolol: { text: 'timolol oogdruppels 5 mg/ml', prk: ['13161', 'TIMOLOL OOGDRUPPELS 5MG/ML'] },
  latanoprost: { text: 'latanoprost oogdruppels 50 microgram/ml', prk: ['47341', 'LATANOPROST OOGDRUPPELS 50UG/ML'] },
  dapagliflozine: { text: 'dapagliflozine tablet 10 mg', prk: ['112755', 'DAPAGLIFLOZINE TABLET 10MG'] },
  ferrofumaraat: { text: 'ferrofumaraat tablet 200 mg', prk: ['11630', 'FERROFUMARAAT TABLET 200MG'] },
  foliumzuur: { text: 'foliumzuur tablet 0,5 mg', prk: ['12645', 'FOLIUMZUUR TABLET 0,5MG'] },
  hydroxocobalamine: { text: 'hydroxocobalamine injectievloeistof 1 mg/ml ampul 1 ml', prk: ['14915', 'HYDROXOCOBALAMINE INJVLST 1MG/ML AMPUL 1ML'] },
  calciumVitD: { text: 'calciumcarbonaat/colecalciferol kauwtablet 1,25 g/800 IE', prk: ['69906', 'CALCIUMCARBONAAT/COLECALCIFEROL KAUWTABLET 1,25G/800IE'] },
  nitroglycerine: { text: 'nitroglycerine spray sublinguaal 0,4 mg/dosis', prk: ['22993', 'NITROGLYCERINE SPRAY 0,4MG/DOSIS'] },
  isosorbidemononitraat: { text: 'isosorbidemononitraat tablet met gereguleerde afgifte 30 mg', prk: ['41408', 'ISOSORBIDEMONONITRAAT TABLET MGA 30MG'] },
  ibuprofen400: { text: 'ibuprofen tablet 400 mg', prk: ['23515', 'IBUPROFEN TABLET 400MG'] },
  loperamide: { text: 'loperamide capsule 2 mg', prk: ['11762', 'LOPERAMIDE CAPSULE 2MG'] },
  cetirizine: { text: 'cetirizine tablet 10 mg', prk: ['28045', 'CETIRIZINE TABLET 10MG'] },
  betahistine: { text: 'betahistine tablet 8 mg', prk: ['20710', 'BETAHISTINE TABLET 8MG'] },
  melatonine: { text: 'melatonine tablet 0,299 mg', gpk: ['150912', 'MELATONINE TABLET 0,299MG'] },
  paracetamolCodeine: { text: 'paracetamol/codeïne tablet 500/10 mg', prk: ['30066', 'PARACETAMOL/CODEINE TABLET 500/10MG'] },
  diclofenacGel: { text: 'diclofenac-diethylamine gel 11,6 mg/g', prk: ['30155', 'DICLOFENAC-DIETHYLAMINE GEL 11,6MG/G'] },
  paracetamolZetpil: { text: 'paracetamol zetpil 1000 mg', prk: ['21954', 'PARACETAMOL ZETPIL 1000MG'] },
  diazepam: { text: 'diazepam tablet 5 mg', prk: ['7447', 'DIAZEPAM TABLET 5MG'], gpk: ['20664', 'DIAZEPAM TABLET 5MG'] },
  vitamineK: { text: 'fytomenadion (vitamine K) druppels 2 mg/ml', prk: ['98612', 'FYTOMENADION DRUPPELS 2MG/ML'] },
  vitamineD: { text: 'colecalciferol (vitamine D) druppels 2000 IE/ml', prk: ['98620', 'COLECALCIFEROL DRUPPELS 2000IE/ML'] },
};

/** A Medication resource (or a contained one, with a local id). */
function medication(id, product, { form, ingredients }) {
  return {
    resourceType: 'Medication',
    id,
    code: productConcept(product),
    form,
    ingredient: ingredients.map(([name, numerator, denominator, sctCode]) => ({
      itemCodeableConcept: concept(name, ...(sctCode ? [coding(SCT, sctCode[0], sctCode[1])] : [])),
      isActive: true,
      strength: { numerator, denominator },
    })),
  };
}

const FORM = {
  tablet: () => concept('tablet', coding(SCT, '385055001', 'Tablet')),
  tabletMga: () => concept('tablet met gereguleerde afgifte'),
  capsule: () => concept('capsule', coding(SCT, '385049006', 'Capsule')),
  injvlst: () => concept('injectievloeistof'),
  infvlst: () => concept('infusievloeistof'),
  pdrDrank: () => concept('poeder voor drank'),
  inhalatievloeistof: () => concept('inhalatievloeistof'),
};

const MEDICATIONS = [
  medication('med-metoprolol-50', PRODUCTS.metoprolol50, {
    form: FORM.tabletMga(),
    ingredients: [['metoprololsuccinaat', mg(50), tbl(1), ['372826007', 'Metoprolol']]],
  }),
  medication('med-insuline-glargine', PRODUCTS.insulineGlargine, {
    form: FORM.injvlst(),
    ingredients: [['insuline glargine', iu(100), ml(1)]],
  }),
  medication('med-paracetamol-500', PRODUCTS.paracetamol500, {
    form: FORM.tablet(),
    ingredients: [['paracetamol', mg(500), tbl(1), ['387517004', 'Paracetamol']]],
  }),
  medication('med-furosemide-40', PRODUCTS.furosemide40, { form: FORM.tablet(), ingredients: [['furosemide', mg(40), tbl(1)]] }),
  medication('med-alendroninezuur-70', PRODUCTS.alendroninezuur70, { form: FORM.tablet(), ingredients: [['alendroninezuur', mg(70), tbl(1)]] }),
  medication('med-acenocoumarol-1', PRODUCTS.acenocoumarol1, { form: FORM.tablet(), ingredients: [['acenocoumarol', mg(1), tbl(1)]] }),
  medication('med-amoxicilline-clavulaanzuur', PRODUCTS.amoxiClav, {
    form: FORM.tablet(),
    ingredients: [
      ['amoxicilline', mg(500), tbl(1), ['372687004', 'Amoxicillin']],
      ['clavulaanzuur', mg(125), tbl(1)],
    ],
  }),
  medication('med-macrogol-elektrolyten', PRODUCTS.macrogol, {
    form: FORM.pdrDrank(),
    ingredients: [
      ['macrogol 3350', q(13.125, 'g', 'g'), sachet(1)],
      ['natriumchloride', mg(350.7), sachet(1)],
      ['natriumwaterstofcarbonaat', mg(178.5), sachet(1)],
      ['kaliumchloride', mg(46.6), sachet(1)],
    ],
  }),
  medication('med-tiotropium', PRODUCTS.tiotropium, { form: FORM.inhalatievloeistof(), ingredients: [['tiotropium', ug(2.5), puff(1)]] }),
  medication('med-prednisolon-5', PRODUCTS.prednisolon5, { form: FORM.tablet(), ingredients: [['prednisolon', mg(5), tbl(1)]] }),
  medication('med-morfine-10', PRODUCTS.morfine10, { form: FORM.injvlst(), ingredients: [['morfinehydrochloride', mg(10), ml(1)]] }),
  medication('med-natriumchloride-0-9', PRODUCTS.nacl09, { form: FORM.infvlst(), ingredients: [['natriumchloride', mg(9), ml(1)]] }),
  medication('med-hydrochloorthiazide-12-5', PRODUCTS.hydrochloorthiazide, { form: FORM.tablet(), ingredients: [['hydrochloorthiazide', mg(12.5), tbl(1)]] }),
  medication('med-enoxaparine-4000', PRODUCTS.enoxaparine, { form: FORM.injvlst(), ingredients: [['enoxaparine-natrium', iu(4000), ml(0.4)]] }),
  medication('med-colecalciferol-800', PRODUCTS.colecalciferol800, { form: FORM.tablet(), ingredients: [['colecalciferol', iu(800), tbl(1)]] }),
];

const MED_DISPLAY = Object.fromEntries(MEDICATIONS.map((m) => [m.id, m.code.text]));

// ---------------------------------------------------------------------------------------------
// Organisations and practitioners (fictional)

const ORG = {
  huisarts: ref('Organization/organization-huisartsenpraktijk-kroonsteeg', 'Huisartsenpraktijk Kroonsteeg'),
  ziekenhuis: ref('Organization/organization-ziekenhuis-zilverlinde', 'Ziekenhuis Zilverlinde'),
  apotheek: ref('Organization/organization-apotheek-kroonsteeg', 'Apotheek Kroonsteeg'),
};
const DR = {
  kuipers: ref('Practitioner/practitioner-kuipers', 'M.A. Kuipers, huisarts'),
  elAmrani: ref('Practitioner/practitioner-el-amrani', 'dr. Y. el Amrani, cardioloog'),
  vanDerLinden: ref('Practitioner/practitioner-van-der-linden', 'S. van der Linden, internist'),
};

const organizations = [
  {
    resourceType: 'Organization',
    id: 'organization-huisartsenpraktijk-kroonsteeg',
    identifier: [ident(URA, '99990011')],
    active: true,
    type: [concept('Huisartspraktijk')],
    name: 'Huisartsenpraktijk Kroonsteeg',
    telecom: [{ system: 'phone', value: '030 123 4560', use: 'work' }],
    address: [{ use: 'work', line: ['Kroonsteeg 3'], city: 'Utrecht', postalCode: '3581 KA', country: 'NL' }],
  },
  {
    resourceType: 'Organization',
    id: 'organization-ziekenhuis-zilverlinde',
    identifier: [ident(URA, '99990022')],
    active: true,
    type: [concept('Algemeen ziekenhuis')],
    name: 'Ziekenhuis Zilverlinde',
    telecom: [{ system: 'phone', value: '030 123 9000', use: 'work' }],
    address: [{ use: 'work', line: ['Zilverlindeplein 1'], city: 'Utrecht', postalCode: '3584 ZL', country: 'NL' }],
  },
  {
    resourceType: 'Organization',
    id: 'organization-apotheek-kroonsteeg',
    identifier: [ident(URA, '99990033')],
    active: true,
    type: [concept('Openbare apotheek')],
    name: 'Apotheek Kroonsteeg',
    telecom: [{ system: 'phone', value: '030 123 4570', use: 'work' }],
  },
];

const practitioners = [
  {
    resourceType: 'Practitioner',
    id: 'practitioner-kuipers',
    identifier: [ident(UZI, '999900112')],
    active: true,
    name: [{
      extension: [{ url: `${HL7SD}humanname-assembly-order`, valueCode: 'NL1' }],
      use: 'official',
      family: 'Kuipers',
      _family: { extension: [{ url: `${HL7SD}humanname-own-name`, valueString: 'Kuipers' }] },
      given: ['Marloes', 'M.', 'A.'],
      _given: [
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'BR' }] },
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'IN' }] },
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'IN' }] },
      ],
    }],
    gender: 'female',
  },
  {
    resourceType: 'Practitioner',
    id: 'practitioner-el-amrani',
    identifier: [ident(UZI, '999900223')],
    active: true,
    name: [{
      extension: [{ url: `${HL7SD}humanname-assembly-order`, valueCode: 'NL1' }],
      use: 'official',
      family: 'el Amrani',
      _family: {
        extension: [
          { url: `${HL7SD}humanname-own-prefix`, valueString: 'el' },
          { url: `${HL7SD}humanname-own-name`, valueString: 'Amrani' },
        ],
      },
      given: ['Youssef', 'Y.'],
      _given: [
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'BR' }] },
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'IN' }] },
      ],
      prefix: ['dr.'],
    }],
    gender: 'male',
  },
  {
    resourceType: 'Practitioner',
    id: 'practitioner-van-der-linden',
    identifier: [ident(UZI, '999900334')],
    active: true,
    name: [{
      extension: [{ url: `${HL7SD}humanname-assembly-order`, valueCode: 'NL1' }],
      use: 'official',
      family: 'van der Linden',
      _family: {
        extension: [
          { url: `${HL7SD}humanname-own-prefix`, valueString: 'van der' },
          { url: `${HL7SD}humanname-own-name`, valueString: 'Linden' },
        ],
      },
      given: ['Sanne', 'S.'],
      _given: [
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'BR' }] },
        { extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: 'IN' }] },
      ],
    }],
    gender: 'female',
  },
];

// ---------------------------------------------------------------------------------------------
// Patients

const qualifier = (code) => ({ extension: [{ url: `${HL7SD}iso21090-EN-qualifier`, valueCode: code }] });
const assembly = (code) => [{ url: `${HL7SD}humanname-assembly-order`, valueCode: code }];
const nameParts = ({ ownPrefix, ownName, partnerPrefix, partnerName }) => ({
  extension: [
    ...(ownPrefix ? [{ url: `${HL7SD}humanname-own-prefix`, valueString: ownPrefix }] : []),
    ...(ownName ? [{ url: `${HL7SD}humanname-own-name`, valueString: ownName }] : []),
    ...(partnerPrefix ? [{ url: `${HL7SD}humanname-partner-prefix`, valueString: partnerPrefix }] : []),
    ...(partnerName ? [{ url: `${HL7SD}humanname-partner-name`, valueString: partnerName }] : []),
  ],
});

/** A Dutch address with the zib AddressInformation parts (ADXP extensions on the line). */
function dutchAddress({ street, number, suffix, postalCode, city, type = 'HP' }) {
  const adxp = (part, value) => ({ url: `${HL7SD}iso21090-ADXP-${part}`, valueString: value });
  return {
    extension: [{
      url: EXT_ADDRESS_TYPE,
      valueCodeableConcept: concept(undefined, coding('http://terminology.hl7.org/CodeSystem/v3-AddressUse', type, type === 'HP' ? 'primary home' : 'physical visit address')),
    }],
    use: 'home',
    type: type === 'HP' ? 'both' : 'physical',
    line: [[street, number, suffix].filter(Boolean).join(' ')],
    _line: [{
      extension: [
        adxp('streetName', street),
        adxp('houseNumber', number),
        ...(suffix ? [adxp('buildingNumberSuffix', suffix)] : []),
      ],
    }],
    city,
    postalCode,
    country: 'Nederland',
    _country: {
      extension: [{ url: EXT_CODE_SPEC, valueCodeableConcept: concept(undefined, coding('urn:iso:std:iso:3166', 'NL', 'Nederland')) }],
    },
  };
}

const dutchLanguage = () => [{
  language: concept('Nederlands', coding('urn:ietf:bcp:47', 'nl', 'Dutch')),
  preferred: true,
}];

const patients = [
  // 1. Own name + partner name (NL4), birth names + initials + call name, 60+ medication items.
  {
    resourceType: 'Patient',
    id: 'patient-van-putten',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(BSN, '999990925'), ident(SYS_MRN, 'Z-100245')],
    active: true,
    name: [
      {
        extension: assembly('NL4'),
        use: 'official',
        family: 'van Putten-van der Giessen',
        _family: nameParts({ ownPrefix: 'van', ownName: 'Putten', partnerPrefix: 'van der', partnerName: 'Giessen' }),
        given: ['Johanna', 'Petronella', 'Maria', 'J.', 'P.', 'M.'],
        _given: [qualifier('BR'), qualifier('BR'), qualifier('BR'), qualifier('IN'), qualifier('IN'), qualifier('IN')],
      },
      { use: 'usual', given: ['Jo'] },
    ],
    telecom: [
      { system: 'phone', value: '030 123 4567', use: 'home' },
      { system: 'phone', value: '06 12345671', use: 'mobile' },
      { system: 'email', value: 'jo.vanputten@example.org', use: 'home' },
    ],
    gender: 'female',
    birthDate: '1945-07-14',
    deceasedBoolean: false,
    address: [dutchAddress({ street: 'Hoogstraat', number: '27', suffix: 'A', postalCode: '3581 KP', city: 'Utrecht' })],
    maritalStatus: concept('gehuwd', coding('http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', 'M', 'Married')),
    contact: [{
      relationship: [concept('dochter', coding(V3_ROLE, 'DAU', 'natural daughter'))],
      name: { use: 'official', family: 'de Wit-van Putten', given: ['Els'] },
      telecom: [{ system: 'phone', value: '06 12345672', use: 'mobile' }],
    }],
    communication: dutchLanguage(),
    generalPractitioner: [DR.kuipers],
    managingOrganization: ORG.huisarts,
  },
  // 2. Voorvoegsel only (NL1), call name as a CL-qualified given name, BSN in the old OID system.
  {
    resourceType: 'Patient',
    id: 'patient-de-vries',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(BSN_OLD, '999991073')],
    active: true,
    name: [{
      extension: assembly('NL1'),
      use: 'official',
      family: 'de Vries',
      _family: nameParts({ ownPrefix: 'de', ownName: 'Vries' }),
      given: ['Hendrik', 'Jan', 'H.', 'J.', 'Henk'],
      _given: [qualifier('BR'), qualifier('BR'), qualifier('IN'), qualifier('IN'), qualifier('CL')],
    }],
    telecom: [{ system: 'phone', value: '06 12345673', use: 'mobile' }],
    gender: 'male',
    birthDate: '1958-02-03',
    address: [dutchAddress({ street: 'Kerkstraat', number: '112', postalCode: '9712 BX', city: 'Groningen' })],
    communication: dutchLanguage(),
    generalPractitioner: [ORG.huisarts],
  },
  // 3. Partner name first, then own name (NL3); allergies not recorded at all.
  {
    resourceType: 'Patient',
    id: 'patient-bakker-de-jong',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(BSN, '999992442')],
    active: true,
    name: [{
      extension: assembly('NL3'),
      use: 'official',
      family: 'Bakker-de Jong',
      _family: nameParts({ ownPrefix: 'de', ownName: 'Jong', partnerName: 'Bakker' }),
      given: ['Anouk', 'A.'],
      _given: [qualifier('BR'), qualifier('IN')],
    }],
    telecom: [
      { system: 'phone', value: '06 12345674', use: 'mobile' },
      { system: 'email', value: 'anouk.bakker@example.org', use: 'home' },
    ],
    gender: 'female',
    birthDate: '1988-09-30',
    address: [dutchAddress({ street: 'Molenweg', number: '8', suffix: 'bis', postalCode: '6541 AB', city: 'Nijmegen' })],
    communication: dutchLanguage(),
  },
  // 4. UK visitor: NHS number, title in prefix, no BSN, no nl-core profile.
  {
    resourceType: 'Patient',
    id: 'patient-whitfield',
    identifier: [ident(NHS, '9990054428'), ident(SYS_MRN, 'Z-300871')],
    active: true,
    name: [{ use: 'official', family: 'Whitfield', given: ['Oliver', 'James'], prefix: ['Dr'] }],
    telecom: [
      { system: 'phone', value: '+44 7700 900123', use: 'mobile' },
      { system: 'email', value: 'o.whitfield@example.org', use: 'home' },
    ],
    gender: 'male',
    birthDate: '1971-04-23',
    address: [
      { use: 'home', type: 'both', line: ['14 Example Road'], city: 'Bristol', postalCode: 'BS1 4XX', country: 'United Kingdom' },
      {
        use: 'temp',
        type: 'physical',
        line: ['Hotel Zilverlinde', 'Stationsplein 5'],
        city: 'Utrecht',
        postalCode: '3511 ZZ',
        country: 'Nederland',
        period: { start: '2026-11-17', end: '2026-11-29' },
      },
    ],
    communication: [{ language: concept('English (United Kingdom)', coding('urn:ietf:bcp:47', 'en-GB', 'English (United Kingdom)')), preferred: true }],
  },
  // 5a. Deceased, with date and time of death.
  {
    resourceType: 'Patient',
    id: 'patient-hendriks',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(BSN, '999993367')],
    active: true,
    name: [{
      extension: assembly('NL1'),
      use: 'official',
      family: 'Hendriks',
      _family: nameParts({ ownName: 'Hendriks' }),
      given: ['Willem', 'Gerardus', 'W.', 'G.'],
      _given: [qualifier('BR'), qualifier('BR'), qualifier('IN'), qualifier('IN')],
    }],
    gender: 'male',
    birthDate: '1931-03-02',
    deceasedDateTime: '2026-10-03T14:20:00+02:00',
    address: [dutchAddress({ street: 'Dorpsstraat', number: '4', postalCode: '3732 HJ', city: 'De Bilt' })],
    communication: dutchLanguage(),
  },
  // 5b. Deceased, no date known (deceasedBoolean); partner name only (NL2).
  {
    resourceType: 'Patient',
    id: 'patient-smit',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(BSN, '999994736')],
    active: true,
    name: [{
      extension: assembly('NL2'),
      use: 'official',
      family: 'Smit',
      _family: nameParts({ ownName: 'Jansen', partnerName: 'Smit' }),
      given: ['Cornelia', 'C.'],
      _given: [qualifier('BR'), qualifier('IN')],
    }],
    gender: 'female',
    birthDate: '1938-12-19',
    deceasedBoolean: true,
  },
  // 6. Unidentified emergency registration: no birthDate, HumanName.text only, gender unknown.
  {
    resourceType: 'Patient',
    id: 'patient-onbekend-seh',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(SYS_MRN, 'SEH-2026-11-21-0042')],
    active: true,
    name: [{ use: 'anonymous', text: 'Onbekende patiënt SEH 21-11-2026 (nr. 42)' }],
    gender: 'unknown',
    managingOrganization: ORG.ziekenhuis,
  },
  // 7. Newborn, 14 days old on DEMO_TODAY, registered under a parent-style name.
  {
    resourceType: 'Patient',
    id: 'patient-baby-van-dam',
    meta: { profile: [NL_CORE_PATIENT] },
    identifier: [ident(BSN, '999996216')],
    active: true,
    name: [{
      extension: assembly('NL1'),
      use: 'temp',
      text: 'Baby van Dam',
      family: 'van Dam',
      _family: nameParts({ ownPrefix: 'van', ownName: 'Dam' }),
      given: ['Baby'],
    }],
    gender: 'male',
    birthDate: '2026-11-08',
    _birthDate: { extension: [{ url: `${HL7SD}patient-birthTime`, valueDateTime: '2026-11-08T03:42:00+01:00' }] },
    multipleBirthBoolean: false,
    address: [dutchAddress({ street: 'Vaartweg', number: '61', postalCode: '3621 LB', city: 'Breukelen' })],
    contact: [{
      relationship: [concept('moeder', coding(V3_ROLE, 'MTH', 'mother'))],
      name: { use: 'official', family: 'van Dam', given: ['Lotte'] },
      telecom: [{ system: 'phone', value: '06 12345675', use: 'mobile' }],
    }],
    generalPractitioner: [ORG.huisarts],
  },
];

// ---------------------------------------------------------------------------------------------
// Medication: MP9 building blocks

const CATEGORY = {
  ma: () => concept(undefined, coding(SCT, '33633005', 'medicatieafspraak')),
  vv: () => concept(undefined, coding(SCT, '52711000146108', 'verstrekkingsverzoek')),
  mgb: () => concept(undefined, coding(SCT, '422979000', 'medicatiegebruik')),
};

/** medicationReference / contained / medicationCodeableConcept from a short `med` value. */
function medicationOf(med) {
  if (typeof med === 'string') return { medicationReference: ref(`Medication/${med}`, MED_DISPLAY[med]) };
  if (med.contained) {
    return {
      contained: [medication('med1', med.contained.product, med.contained)],
      medicationReference: ref('#med1', med.contained.product.text),
    };
  }
  return { medicationCodeableConcept: productConcept(med) };
}

function mp9Extensions(p) {
  return [
    ...(p.rendered ? [{ url: EXT_RENDERED, valueString: p.rendered }] : []),
    ...(p.periodExt ? [{ url: EXT_PERIOD, valuePeriod: p.periodExt }] : []),
    ...(p.treatment ? [{ url: EXT_TREATMENT, valueIdentifier: ident(SYS_TREATMENT, p.treatment) }] : []),
  ];
}

/** MedicationRequest: medicatieafspraak (kind 'ma', default) or verstrekkingsverzoek ('vv'). */
function medicationRequest(p) {
  const { contained, ...medication } = medicationOf(p.med);
  // `validity` is an agreement's period of use (MP9 ext-TimeInterval.Period) and a dispense
  // request's validity period (dispenseRequest.validityPeriod, which is not a period of use).
  const agreement = (p.kind ?? 'ma') === 'ma';
  return {
    resourceType: 'MedicationRequest',
    id: p.id,
    contained,
    extension: mp9Extensions(agreement && p.validity && !p.periodExt ? { ...p, periodExt: p.validity } : p),
    modifierExtension: p.modifierExtension,
    identifier: [ident(SYS_MP9, p.id)],
    status: p.status,
    statusReason: p.statusReason ? concept(p.statusReason) : undefined,
    intent: p.intent ?? 'order',
    category: [CATEGORY[p.kind ?? 'ma']()],
    ...medication,
    subject: ref(`Patient/${p.patient}`),
    authoredOn: p.authoredOn,
    requester: p.requester,
    performer: p.performer,
    reasonCode: p.reason ? [concept(p.reason)] : undefined,
    basedOn: p.basedOn ? [ref(`MedicationRequest/${p.basedOn}`)] : undefined,
    note: p.note ? [{ text: p.note }] : undefined,
    dosageInstruction: p.dosage,
    dispenseRequest: p.dispense ?? (p.validity && !agreement ? { validityPeriod: p.validity } : undefined),
    priorPrescription: p.prior ? ref(`MedicationRequest/${p.prior}`) : undefined,
  };
}
const ma = (p) => medicationRequest({ ...p, kind: 'ma' });
const vv = (p) => medicationRequest({ ...p, kind: 'vv' });

/** MedicationStatement: medicatiegebruik. */
function mgb(p) {
  const { contained, ...medication } = medicationOf(p.med);
  return {
    resourceType: 'MedicationStatement',
    id: p.id,
    contained,
    extension: mp9Extensions(p),
    identifier: [ident(SYS_MP9, p.id)],
    basedOn: p.basedOn ? [ref(`MedicationRequest/${p.basedOn}`)] : undefined,
    status: p.status,
    statusReason: p.statusReason ? [concept(p.statusReason)] : undefined,
    category: CATEGORY.mgb(),
    ...medication,
    subject: ref(`Patient/${p.patient}`),
    effectivePeriod: p.period,
    effectiveDateTime: p.effectiveDateTime,
    dateAsserted: p.dateAsserted,
    informationSource: p.source,
    reasonCode: p.reason ? [concept(p.reason)] : undefined,
    note: p.note ? [{ text: p.note }] : undefined,
    dosage: p.dosage,
  };
}

const VP = 'patient-van-putten';
const vpSelf = ref(`Patient/${VP}`, 'J.P.M. van Putten-van der Giessen');

const vanPuttenMedication = [
  // ---- CURRENT (11 resources, 10 rows: metoprolol appears as agreement AND as use) ----------
  ma({
    id: 'vp-ma-metoprolol-50',
    patient: VP,
    status: 'active',
    med: 'med-metoprolol-50',
    treatment: 'BEH-VP-METOPROLOL',
    authoredOn: '2024-06-03',
    requester: DR.elAmrani,
    reason: 'Atriumfibrilleren, frequentiecontrole',
    rendered: 'Vanaf 3 jun. 2024, tot nader order, 1 maal per dag 1 tablet \'s ochtends, oraal',
    periodExt: { start: '2024-06-03' },
    prior: 'vp-ma-metoprolol-25',
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet \'s ochtends', freq: 1, per: 1, when: ['MORN'], route: ROUTE.oraal(), dose: tblGs(1) })],
  }),
  mgb({
    id: 'vp-mgb-metoprolol-50',
    patient: VP,
    status: 'active',
    // Same HPK + PRK as Medication/med-metoprolol-50, but as a CodeableConcept: merge into one row.
    med: PRODUCTS.metoprolol50,
    treatment: 'BEH-VP-METOPROLOL',
    basedOn: 'vp-ma-metoprolol-50',
    period: { start: '2024-06-05' },
    dateAsserted: '2026-10-14',
    source: vpSelf,
    dosage: [dosage({ text: '1 tablet \'s ochtends', freq: 1, per: 1, when: ['MORN'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-levothyroxine-25',
    patient: VP,
    status: 'active',
    med: {
      contained: {
        product: PRODUCTS.levothyroxine25,
        form: FORM.tablet(),
        ingredients: [['levothyroxinenatrium', mg(0.025), tbl(1)]],
      },
    },
    treatment: 'BEH-VP-LEVOTHYROXINE',
    authoredOn: '2025-02-11',
    requester: DR.kuipers,
    reason: 'Hypothyreoïdie',
    validity: { start: '2025-02-11', end: '2027-02-10' },
    dosage: [dosage({
      seq: 1,
      text: '1 maal per dag 1 tablet, een half uur voor het ontbijt',
      freq: 1,
      per: 1,
      when: ['ACM'],
      route: ROUTE.oraal(),
      dose: tbl(1),
      add: 'Een half uur voor het ontbijt innemen met water',
    })],
  }),
  ma({
    id: 'vp-ma-insuline-glargine',
    patient: VP,
    status: 'active',
    med: 'med-insuline-glargine',
    treatment: 'BEH-VP-INSULINE-GLARGINE',
    authoredOn: '2023-09-20',
    requester: DR.vanDerLinden,
    reason: 'Diabetes mellitus type 2',
    rendered: 'Vanaf 20 sep. 2023, tot nader order, 1 maal per dag 22 eenheden voor het slapengaan, subcutaan',
    periodExt: { start: '2023-09-20' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 22 eenheden voor het slapengaan', freq: 1, per: 1, when: ['HS'], route: ROUTE.subcutaan(), dose: iu(22) })],
  }),
  ma({
    id: 'vp-ma-paracetamol-500',
    patient: VP,
    status: 'active',
    med: 'med-paracetamol-500',
    treatment: 'BEH-VP-PARACETAMOL',
    authoredOn: '2025-11-02',
    requester: DR.kuipers,
    reason: 'Artrose knieën',
    rendered: 'Vanaf 2 nov. 2025, tot nader order, zo nodig bij pijn, maximaal 3 maal per dag 1 à 2 tabletten, maximaal 6 tabletten per dag, oraal',
    periodExt: { start: '2025-11-02' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij pijn, maximaal 3 maal per dag 1 à 2 tabletten, maximaal 6 tabletten per dag',
      freq: 1,
      freqMax: 3,
      per: 1,
      prn: REASON.pijn(),
      route: ROUTE.oraal(),
      range: [tbl(1), tbl(2)],
      max: perDay(tbl(6)),
    })],
  }),
  ma({
    id: 'vp-ma-acenocoumarol-1',
    patient: VP,
    status: 'on-hold',
    statusReason: 'Tijdelijk onderbroken rond de staaroperatie (links) op 2 december 2026',
    med: 'med-acenocoumarol-1',
    treatment: 'BEH-VP-ACENOCOUMAROL',
    authoredOn: '2023-01-16',
    requester: DR.elAmrani,
    reason: 'Atriumfibrilleren, antistolling',
    periodExt: { start: '2023-01-16' },
    dosage: [dosage({ text: 'Volgens schema trombosedienst', route: ROUTE.oraal() })],
  }),
  ma({
    id: 'vp-ma-alendroninezuur-70',
    patient: VP,
    status: 'active',
    med: 'med-alendroninezuur-70',
    treatment: 'BEH-VP-ALENDRONINEZUUR',
    authoredOn: '2026-03-01',
    requester: DR.kuipers,
    reason: 'Osteoporose',
    validity: { start: '2026-03-01', end: '2027-03-01' },
    dosage: [dosage({
      seq: 1,
      text: '1 maal per week 1 tablet op maandag, voor het ontbijt',
      freq: 1,
      per: 1,
      unit: 'wk',
      dow: ['mon'],
      when: ['ACM'],
      route: ROUTE.oraal(),
      dose: tbl(1),
      add: 'Tot 30 minuten na inname rechtop blijven zitten of staan',
      instruction: 'Op maandagochtend nuchter innemen met een vol glas kraanwater.',
    })],
  }),
  ma({
    id: 'vp-ma-furosemide-40',
    patient: VP,
    status: 'active',
    med: 'med-furosemide-40',
    treatment: 'BEH-VP-FUROSEMIDE',
    authoredOn: '2026-08-19',
    requester: DR.elAmrani,
    reason: 'Hartfalen',
    rendered: 'Vanaf 19 aug. 2026, tot nader order, om 08:00 1 tablet en om 14:00 een halve tablet, oraal',
    periodExt: { start: '2026-08-19' },
    // Two concurrent lines (same sequence): 1 tablet at 08:00, half a tablet at 14:00.
    dosage: [
      dosage({ seq: 1, text: 'om 08:00 1 tablet', freq: 1, per: 1, tod: ['08:00:00'], route: ROUTE.oraal(), dose: tbl(1) }),
      dosage({ seq: 1, text: 'om 14:00 een halve tablet', freq: 1, per: 1, tod: ['14:00:00'], route: ROUTE.oraal(), dose: tbl(0.5) }),
    ],
  }),
  mgb({
    id: 'vp-mgb-omeprazol-20',
    patient: VP,
    status: 'active',
    med: PRODUCTS.omeprazol20,
    period: { start: '2025-05-12' },
    dateAsserted: '2026-10-14',
    source: vpSelf,
    note: 'Zelfzorgmiddel, gekocht bij de drogist.',
    dosage: [dosage({ text: '1 maal per dag 1 capsule voor het ontbijt', freq: 1, per: 1, when: ['ACM'], route: ROUTE.oraal(), dose: caps(1) })],
  }),
  mgb({
    id: 'vp-mgb-macrogol-elektrolyten',
    patient: VP,
    status: 'on-hold',
    statusReason: 'Tijdelijk gestopt wegens diarree',
    med: 'med-macrogol-elektrolyten',
    period: { start: '2025-08-01' },
    dateAsserted: '2026-11-18',
    source: vpSelf,
    dosage: [dosage({ text: 'Zo nodig 1 sachet per dag, opgelost in een half glas water', freq: 1, per: 1, prn: true, route: ROUTE.oraal(), dose: sachet(1) })],
  }),
  mgb({
    id: 'vp-mgb-colecalciferol-800',
    patient: VP,
    status: 'intended',
    med: 'med-colecalciferol-800',
    period: { start: '2026-12-01' },
    dateAsserted: '2026-11-15',
    source: DR.kuipers,
    note: 'Start na het opmaken van de calcium/vitamine D-kauwtabletten.',
    dosage: [dosage({ text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),

  // ---- HISTORY: medicatieafspraken -------------------------------------------------------------
  ma({
    id: 'vp-ma-metoprolol-25',
    patient: VP,
    status: 'stopped',
    statusReason: 'Dosis verhoogd naar 50 mg',
    med: PRODUCTS.metoprolol25,
    treatment: 'BEH-VP-METOPROLOL',
    authoredOn: '2019-04-10',
    requester: DR.elAmrani,
    periodExt: { start: '2019-04-10', end: '2024-06-02' },
    modifierExtension: [{ url: EXT_STOP_TYPE, valueCodeableConcept: concept('stopgezet', coding(SCT, '410546004', 'stopgezet')) }],
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet \'s ochtends', freq: 1, per: 1, when: ['MORN'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-metoprolol-50-geannuleerd',
    patient: VP,
    status: 'cancelled',
    statusReason: 'Dubbel ingevoerd, vervangen door een nieuwe medicatieafspraak',
    med: 'med-metoprolol-50',
    treatment: 'BEH-VP-METOPROLOL',
    authoredOn: '2024-06-03',
    requester: DR.elAmrani,
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-amoxicilline-clavulaanzuur',
    patient: VP,
    status: 'stopped',
    statusReason: 'Huiduitslag (allergische reactie), zie allergie penicillines',
    med: 'med-amoxicilline-clavulaanzuur',
    authoredOn: '2024-03-11',
    requester: DR.kuipers,
    reason: 'Lagere luchtweginfectie',
    periodExt: { start: '2024-03-11', end: '2024-03-14' },
    dosage: [dosage({ seq: 1, text: '3 maal per dag 1 tablet, 7 dagen', freq: 3, per: 1, boundsDays: 7, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-nitrofurantoine-50',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.nitrofurantoine50,
    authoredOn: '2025-09-03',
    requester: DR.kuipers,
    reason: 'Blaasontsteking',
    periodExt: { start: '2025-09-03', end: '2025-09-07' },
    dosage: [dosage({ seq: 1, text: '4 maal per dag 1 capsule, 5 dagen', freq: 4, per: 1, boundsDays: 5, route: ROUTE.oraal(), dose: caps(1) })],
  }),
  ma({
    id: 'vp-ma-fosfomycine',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.fosfomycine,
    authoredOn: '2023-05-22',
    requester: DR.kuipers,
    reason: 'Blaasontsteking',
    periodExt: { start: '2023-05-22', end: '2023-05-22' },
    dosage: [dosage({ seq: 1, text: 'Eenmalig 1 sachet, opgelost in water, voor het slapengaan', count: 1, when: ['HS'], route: ROUTE.oraal(), dose: sachet(1) })],
  }),
  ma({
    id: 'vp-ma-doxycycline',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.doxycycline,
    authoredOn: '2022-11-08',
    requester: DR.kuipers,
    reason: 'COPD-exacerbatie',
    periodExt: { start: '2022-11-08', end: '2022-11-14' },
    // Sequential lines: a loading dose on day 1, then 6 days maintenance.
    dosage: [
      dosage({ seq: 1, text: 'Eerste dag 2 tabletten tegelijk', freq: 1, per: 1, boundsDays: 1, route: ROUTE.oraal(), dose: tbl(2) }),
      dosage({ seq: 2, text: 'Daarna 1 maal per dag 1 tablet, 6 dagen', freq: 1, per: 1, boundsDays: 6, route: ROUTE.oraal(), dose: tbl(1) }),
    ],
  }),
  ma({
    id: 'vp-ma-prednisolon-stootkuur',
    patient: VP,
    status: 'completed',
    med: 'med-prednisolon-5',
    authoredOn: '2025-01-14',
    requester: DR.kuipers,
    reason: 'COPD-exacerbatie',
    validity: { start: '2025-01-14', end: '2025-01-18' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 30 mg (6 tabletten) \'s ochtends, 5 dagen', freq: 1, per: 1, when: ['MORN'], boundsDays: 5, route: ROUTE.oraal(), dose: mg(30) })],
  }),
  ma({
    id: 'vp-ma-prednisolon-afbouwschema',
    patient: VP,
    status: 'completed',
    med: 'med-prednisolon-5',
    authoredOn: '2024-10-01',
    requester: DR.vanDerLinden,
    reason: 'Polymyalgia rheumatica, afbouw',
    rendered: 'Vanaf 1 okt. 2024, 3 dagen 1 maal per dag 20 mg, daarna 3 dagen 1 maal per dag 10 mg, daarna 3 dagen 1 maal per dag 5 mg, oraal',
    periodExt: { start: '2024-10-01', end: '2024-10-09' },
    dosage: [
      dosage({ seq: 1, text: '3 dagen 1 maal per dag 20 mg', freq: 1, per: 1, boundsDays: 3, route: ROUTE.oraal(), dose: mg(20) }),
      dosage({ seq: 2, text: 'daarna 3 dagen 1 maal per dag 10 mg', freq: 1, per: 1, boundsDays: 3, route: ROUTE.oraal(), dose: mg(10) }),
      dosage({ seq: 3, text: 'daarna 3 dagen 1 maal per dag 5 mg', freq: 1, per: 1, boundsDays: 3, route: ROUTE.oraal(), dose: mg(5) }),
    ],
  }),
  ma({
    id: 'vp-ma-ciprofloxacine',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.ciprofloxacine,
    authoredOn: '2021-07-12',
    requester: { display: 'R. Peeters, waarnemend huisarts' },
    validity: { start: '2021-07-12', end: '2021-07-18' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 tablet, 7 dagen', freq: 2, per: 1, boundsDays: 7, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-tramadol',
    patient: VP,
    status: 'stopped',
    statusReason: 'Misselijkheid en duizeligheid',
    med: PRODUCTS.tramadol,
    authoredOn: '2023-02-02',
    requester: DR.kuipers,
    periodExt: { start: '2023-02-02', end: '2023-02-09' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij pijn, maximaal 4 maal per dag 1 capsule',
      freq: 1,
      freqMax: 4,
      per: 1,
      prn: REASON.pijn(),
      route: ROUTE.oraal(),
      dose: caps(1),
      max: perDay(caps(4)),
    })],
  }),
  ma({
    id: 'vp-ma-diclofenac',
    patient: VP,
    status: 'stopped',
    statusReason: 'Verminderde nierfunctie',
    med: PRODUCTS.diclofenac,
    authoredOn: '2020-03-16',
    requester: DR.kuipers,
    periodExt: { start: '2020-03-16', end: '2020-09-01' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 tablet', freq: 2, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-simvastatine',
    patient: VP,
    status: 'stopped',
    statusReason: 'Overgezet op atorvastatine',
    med: PRODUCTS.simvastatine,
    authoredOn: '2015-03-02',
    requester: DR.kuipers,
    periodExt: { start: '2015-03-02', end: '2021-06-30' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet voor het slapengaan', freq: 1, per: 1, when: ['HS'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-atorvastatine',
    patient: VP,
    status: 'stopped',
    statusReason: 'Spierpijn',
    med: PRODUCTS.atorvastatine20,
    authoredOn: '2021-07-01',
    requester: DR.kuipers,
    periodExt: { start: '2021-07-01', end: '2022-02-15' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-metformine',
    patient: VP,
    status: 'stopped',
    statusReason: 'Nierfunctie (eGFR) onder 30',
    med: PRODUCTS.metformine,
    treatment: 'BEH-VP-METFORMINE',
    authoredOn: '2017-05-09',
    requester: DR.kuipers,
    periodExt: { start: '2017-05-09', end: '2023-09-19' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 tablet, tijdens de maaltijd', freq: 2, per: 1, route: ROUTE.oraal(), dose: tbl(1), add: 'Tijdens de maaltijd innemen' })],
  }),
  ma({
    id: 'vp-ma-gliclazide',
    patient: VP,
    status: 'stopped',
    statusReason: 'Hypoglykemieën',
    med: PRODUCTS.gliclazide,
    authoredOn: '2020-10-05',
    requester: DR.kuipers,
    periodExt: { start: '2020-10-05', end: '2023-09-19' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet bij het ontbijt', freq: 1, per: 1, when: ['CM'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-levothyroxine-50',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.levothyroxine50,
    treatment: 'BEH-VP-LEVOTHYROXINE',
    authoredOn: '2019-01-02',
    requester: DR.kuipers,
    periodExt: { start: '2019-01-02', end: '2025-02-10' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet voor het ontbijt', freq: 1, per: 1, when: ['ACM'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-lisinopril',
    patient: VP,
    status: 'stopped',
    statusReason: 'Prikkelhoest',
    med: PRODUCTS.lisinopril,
    authoredOn: '2016-02-22',
    requester: DR.kuipers,
    periodExt: { start: '2016-02-22', end: '2018-04-30' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-losartan',
    patient: VP,
    status: 'stopped',
    statusReason: 'Hyperkaliëmie',
    med: PRODUCTS.losartan,
    authoredOn: '2018-05-01',
    requester: DR.kuipers,
    periodExt: { start: '2018-05-01', end: '2024-11-20' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-amlodipine',
    patient: VP,
    status: 'stopped',
    statusReason: 'Enkeloedeem',
    med: PRODUCTS.amlodipine,
    authoredOn: '2022-03-14',
    requester: DR.kuipers,
    periodExt: { start: '2022-03-14', end: '2022-06-01' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-hydrochloorthiazide',
    patient: VP,
    status: 'stopped',
    statusReason: 'Hyponatriëmie',
    med: 'med-hydrochloorthiazide-12-5',
    authoredOn: '2022-06-02',
    requester: DR.kuipers,
    periodExt: { start: '2022-06-02', end: '2024-08-15' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 12,5 mg \'s ochtends', freq: 1, per: 1, when: ['MORN'], route: ROUTE.oraal(), dose: mg(12.5) })],
  }),
  ma({
    id: 'vp-ma-spironolacton',
    patient: VP,
    status: 'entered-in-error',
    med: PRODUCTS.spironolacton,
    authoredOn: '2026-08-19',
    requester: DR.elAmrani,
    note: 'Bij de verkeerde patiënt geregistreerd.',
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-digoxine',
    patient: VP,
    // on-hold, but its period of use ended: history, not current.
    status: 'on-hold',
    statusReason: 'Onderbroken in afwachting van spiegelbepaling',
    med: PRODUCTS.digoxine,
    authoredOn: '2025-06-10',
    requester: DR.elAmrani,
    periodExt: { start: '2025-06-10', end: '2025-12-31' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-carbasalaatcalcium',
    patient: VP,
    status: 'stopped',
    statusReason: 'Overgezet op acenocoumarol',
    med: PRODUCTS.carbasalaatcalcium,
    authoredOn: '2019-04-10',
    requester: DR.elAmrani,
    periodExt: { start: '2019-04-10', end: '2023-01-15' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-temazepam',
    patient: VP,
    status: 'stopped',
    statusReason: 'Valrisico',
    med: PRODUCTS.temazepam,
    authoredOn: '2021-01-11',
    requester: DR.kuipers,
    periodExt: { start: '2021-01-11', end: '2021-03-01' },
    dosage: [dosage({ seq: 1, text: 'Zo nodig 1 capsule voor het slapengaan', freq: 1, per: 1, when: ['HS'], prn: concept('bij slapeloosheid'), route: ROUTE.oraal(), dose: caps(1) })],
  }),
  ma({
    id: 'vp-ma-oxazepam',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.oxazepam,
    authoredOn: '2024-10-28',
    requester: DR.vanDerLinden,
    validity: { start: '2024-10-28', end: '2024-11-04' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij onrust een halve tablet, maximaal 2 maal per dag',
      freq: 1,
      freqMax: 2,
      per: 1,
      prn: concept('bij onrust'),
      route: ROUTE.oraal(),
      dose: tbl(0.5),
      max: perDay(tbl(1)),
    })],
  }),
  ma({
    id: 'vp-ma-morfine-pomp',
    patient: VP,
    status: 'completed',
    med: 'med-morfine-10',
    authoredOn: '2024-10-28',
    requester: DR.vanDerLinden,
    reason: 'Postoperatieve pijn',
    periodExt: { start: '2024-10-28T14:00:00+01:00', end: '2024-10-30T10:00:00+01:00' },
    dosage: [dosage({ seq: 1, text: 'Continu 0,5 mg per uur subcutaan via pomp', route: ROUTE.subcutaan(), rate: q(0.5, 'mg/h', 'mg/uur') })],
  }),
  ma({
    id: 'vp-ma-natriumchloride-infuus',
    patient: VP,
    status: 'completed',
    med: 'med-natriumchloride-0-9',
    authoredOn: '2024-10-28',
    requester: DR.vanDerLinden,
    periodExt: { start: '2024-10-28T14:00:00+01:00', end: '2024-10-29T08:00:00+01:00' },
    dosage: [dosage({ seq: 1, text: 'Continu 83 ml per uur intraveneus', route: ROUTE.intraveneus(), rate: q(83, 'mL/h', 'mL/uur') })],
  }),
  ma({
    id: 'vp-ma-enoxaparine',
    patient: VP,
    status: 'completed',
    med: 'med-enoxaparine-4000',
    authoredOn: '2024-10-28',
    requester: DR.vanDerLinden,
    reason: 'Tromboseprofylaxe',
    periodExt: { start: '2024-10-28', end: '2024-11-06' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 0,4 ml subcutaan om 18:00', freq: 1, per: 1, tod: ['18:00:00'], route: ROUTE.subcutaan(), dose: ml(0.4) })],
  }),
  ma({
    id: 'vp-ma-ondansetron',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.ondansetron,
    authoredOn: '2024-10-28',
    requester: DR.vanDerLinden,
    validity: { start: '2024-10-28', end: '2024-11-01' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij misselijkheid 1 tablet, maximaal 2 maal per dag',
      freq: 1,
      freqMax: 2,
      per: 1,
      prn: REASON.misselijkheid(),
      route: ROUTE.oraal(),
      dose: tbl(1),
      max: perDay(tbl(2)),
    })],
  }),
  ma({
    id: 'vp-ma-oxycodon-drank',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.oxycodonDrank,
    authoredOn: '2024-10-30',
    requester: DR.vanDerLinden,
    validity: { start: '2024-10-30', end: '2024-11-06' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij pijn 2,5 ml, maximaal 6 maal per dag',
      freq: 1,
      freqMax: 6,
      per: 1,
      prn: REASON.pijn(),
      route: ROUTE.oraal(),
      dose: ml(2.5),
      max: perDay(ml(15)),
    })],
  }),
  ma({
    id: 'vp-ma-lactulose',
    patient: VP,
    status: 'stopped',
    statusReason: 'Onvoldoende effect, overgezet op macrogol',
    med: PRODUCTS.lactulose,
    treatment: 'BEH-VP-LACTULOSE',
    authoredOn: '2024-11-06',
    requester: DR.kuipers,
    periodExt: { start: '2024-11-06', end: '2025-07-31' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 15 ml', freq: 1, per: 1, route: ROUTE.oraal(), dose: ml(15) })],
  }),
  ma({
    id: 'vp-ma-salbutamol',
    patient: VP,
    // active, but the validity period ended before DEMO_TODAY: history, not current.
    status: 'active',
    med: PRODUCTS.salbutamol,
    authoredOn: '2025-01-01',
    requester: DR.kuipers,
    reason: 'COPD',
    validity: { start: '2025-01-01', end: '2026-09-30' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij benauwdheid 1 à 2 inhalaties, maximaal 8 inhalaties per dag',
      prn: REASON.benauwdheid(),
      route: ROUTE.inhalatie(),
      range: [puff(1), puff(2)],
      max: perDay(puff(8)),
    })],
  }),
  ma({
    id: 'vp-ma-tiotropium',
    patient: VP,
    status: 'unknown',
    med: 'med-tiotropium',
    authoredOn: '2021-05-20',
    note: 'Overgenomen uit het vorige huisartsinformatiesysteem; status onbekend.',
    dosage: [dosage({ seq: 1, text: '1 maal per dag 2 inhalaties \'s ochtends', freq: 1, per: 1, when: ['MORN'], route: ROUTE.inhalatie(), dose: puff(2) })],
  }),
  ma({
    id: 'vp-ma-fluticason-salmeterol',
    patient: VP,
    status: 'stopped',
    statusReason: 'Pneumonie',
    med: PRODUCTS.fluticasonSalmeterol,
    authoredOn: '2019-09-09',
    requester: DR.kuipers,
    periodExt: { start: '2019-09-09', end: '2021-05-19' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 inhalatie', freq: 2, per: 1, route: ROUTE.inhalatie(), dose: puff(1) })],
  }),
  ma({
    id: 'vp-ma-hydrocortison-creme',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.hydrocortisonCreme,
    authoredOn: '2023-06-14',
    requester: DR.kuipers,
    validity: { start: '2023-06-14', end: '2023-07-14' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag dun aanbrengen op de aangedane huid', freq: 2, per: 1, route: ROUTE.cutaan(), site: 'onderbenen' })],
  }),
  ma({
    id: 'vp-ma-timolol',
    patient: VP,
    status: 'stopped',
    statusReason: 'Bradycardie in combinatie met metoprolol',
    med: PRODUCTS.timolol,
    authoredOn: '2022-01-20',
    requester: { display: 'T. Vermeulen, oogarts' },
    periodExt: { start: '2022-01-20', end: '2024-06-01' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 druppel in beide ogen', freq: 2, per: 1, route: ROUTE.oculair(), site: 'beide ogen', dose: drp(1) })],
  }),
  ma({
    id: 'vp-ma-latanoprost-voorstel',
    patient: VP,
    status: 'draft',
    intent: 'plan',
    med: PRODUCTS.latanoprost,
    authoredOn: '2026-11-20',
    requester: { display: 'T. Vermeulen, oogarts' },
    note: 'Voorstel van de oogarts, nog niet besproken met de huisarts.',
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 druppel in beide ogen voor het slapengaan', freq: 1, per: 1, when: ['HS'], route: ROUTE.oculair(), site: 'beide ogen', dose: drp(1) })],
  }),
  ma({
    id: 'vp-ma-dapagliflozine-voorstel',
    patient: VP,
    status: 'draft',
    intent: 'plan',
    med: PRODUCTS.dapagliflozine,
    authoredOn: '2026-11-18',
    requester: DR.elAmrani,
    reason: 'Hartfalen',
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-ferrofumaraat',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.ferrofumaraat,
    authoredOn: '2022-08-01',
    requester: DR.kuipers,
    reason: 'IJzergebreksanemie',
    periodExt: { start: '2022-08-01', end: '2022-10-31' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-foliumzuur',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.foliumzuur,
    authoredOn: '2022-08-01',
    requester: DR.kuipers,
    periodExt: { start: '2022-08-01', end: '2022-10-31' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-hydroxocobalamine',
    patient: VP,
    status: 'stopped',
    statusReason: 'Vitamine B12-spiegel hersteld',
    med: PRODUCTS.hydroxocobalamine,
    authoredOn: '2020-02-03',
    requester: DR.kuipers,
    periodExt: { start: '2020-02-03', end: '2022-02-03' },
    dosage: [dosage({ seq: 1, text: 'Eens per 2 maanden 1 mg intramusculair', freq: 1, per: 2, unit: 'mo', route: ROUTE.intramusculair(), dose: mg(1) })],
  }),
  ma({
    id: 'vp-ma-calcium-colecalciferol',
    patient: VP,
    status: 'stopped',
    statusReason: 'Obstipatie; verder met alleen colecalciferol',
    med: PRODUCTS.calciumVitD,
    treatment: 'BEH-VP-CALCIUM-VITD',
    authoredOn: '2026-03-01',
    requester: DR.kuipers,
    periodExt: { start: '2026-03-01', end: '2026-11-15' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 kauwtablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-nitroglycerine',
    patient: VP,
    status: 'cancelled',
    statusReason: 'Niet meer nodig na cardiologisch onderzoek; nooit afgeleverd',
    med: PRODUCTS.nitroglycerine,
    authoredOn: '2025-04-07',
    requester: DR.elAmrani,
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij pijn op de borst 1 verstuiving onder de tong, maximaal 3 maal per 15 minuten',
      freq: 1,
      freqMax: 3,
      per: 15,
      unit: 'min',
      prn: REASON.pijnOpBorst(),
      route: ROUTE.sublinguaal(),
      dose: puff(1),
      max: { numerator: puff(3), denominator: q(15, 'min', 'minuut') },
    })],
  }),
  ma({
    id: 'vp-ma-isosorbidemononitraat',
    patient: VP,
    status: 'unknown',
    med: PRODUCTS.isosorbidemononitraat,
    note: 'Overgenomen uit het vorige huisartsinformatiesysteem; begin en einde onbekend.',
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet \'s ochtends', freq: 1, per: 1, when: ['MORN'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-insuline-aspart',
    patient: VP,
    status: 'stopped',
    statusReason: 'Glucosewaarden stabiel op insuline glargine alleen',
    med: PRODUCTS.insulineAspart,
    authoredOn: '2023-09-20',
    requester: DR.vanDerLinden,
    periodExt: { start: '2023-09-20', end: '2024-02-01' },
    dosage: [dosage({
      seq: 1,
      text: 'Volgens correctieschema: 2 tot 10 eenheden voor de maaltijd, afhankelijk van de glucosewaarde',
      freq: 3,
      per: 1,
      when: ['AC'],
      route: ROUTE.subcutaan(),
      range: [iu(2), iu(10)],
    })],
  }),
  ma({
    id: 'vp-ma-claritromycine',
    patient: VP,
    status: 'entered-in-error',
    med: PRODUCTS.claritromycine,
    authoredOn: '2024-03-11',
    requester: DR.kuipers,
    note: 'Dubbel geregistreerd.',
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 tablet, 7 dagen', freq: 2, per: 1, boundsDays: 7, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'vp-ma-oseltamivir',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.oseltamivir,
    authoredOn: '2024-01-08',
    requester: DR.kuipers,
    reason: 'Profylaxe influenza na contact',
    dosage: [dosage({
      seq: 1,
      text: '1 maal per dag 1 capsule, 10 dagen',
      freq: 1,
      per: 1,
      bounds: { start: '2024-01-08', end: '2024-01-17' },
      route: ROUTE.oraal(),
      dose: caps(1),
    })],
  }),

  // ---- HISTORY: verstrekkingsverzoeken (dispense requests; no dosage) --------------------------
  vv({
    id: 'vp-vv-metoprolol-50',
    patient: VP,
    status: 'completed',
    med: 'med-metoprolol-50',
    treatment: 'BEH-VP-METOPROLOL',
    basedOn: 'vp-ma-metoprolol-50',
    authoredOn: '2025-06-01',
    requester: DR.kuipers,
    dispense: {
      validityPeriod: { start: '2025-06-01', end: '2026-05-31' },
      numberOfRepeatsAllowed: 3,
      quantity: tblGs(90),
      expectedSupplyDuration: q(90, 'd', 'dag'),
      performer: ORG.apotheek,
    },
  }),
  vv({
    id: 'vp-vv-insuline-glargine',
    patient: VP,
    status: 'completed',
    med: 'med-insuline-glargine',
    treatment: 'BEH-VP-INSULINE-GLARGINE',
    basedOn: 'vp-ma-insuline-glargine',
    authoredOn: '2026-04-02',
    requester: DR.vanDerLinden,
    dispense: {
      validityPeriod: { start: '2026-04-02', end: '2026-10-01' },
      numberOfRepeatsAllowed: 1,
      quantity: ml(15),
      performer: ORG.apotheek,
    },
  }),
  vv({
    id: 'vp-vv-paracetamol-500',
    patient: VP,
    status: 'completed',
    med: 'med-paracetamol-500',
    treatment: 'BEH-VP-PARACETAMOL',
    basedOn: 'vp-ma-paracetamol-500',
    authoredOn: '2025-11-02',
    requester: DR.kuipers,
    dispense: { validityPeriod: { start: '2025-11-02', end: '2026-05-02' }, quantity: tbl(100), performer: ORG.apotheek },
  }),
  vv({
    id: 'vp-vv-levothyroxine-25',
    patient: VP,
    status: 'completed',
    med: {
      contained: {
        product: PRODUCTS.levothyroxine25,
        form: FORM.tablet(),
        ingredients: [['levothyroxinenatrium', ug(25), tbl(1)]],
      },
    },
    treatment: 'BEH-VP-LEVOTHYROXINE',
    basedOn: 'vp-ma-levothyroxine-25',
    authoredOn: '2025-02-11',
    requester: DR.kuipers,
    dispense: { validityPeriod: { start: '2025-02-11', end: '2026-02-10' }, numberOfRepeatsAllowed: 3, quantity: tbl(90), performer: ORG.apotheek },
  }),

  // ---- HISTORY: medicatiegebruik -------------------------------------------------------------
  mgb({
    id: 'vp-mgb-glucosamine',
    patient: VP,
    status: 'completed',
    // Text only: no G-Standaard code for this supplement.
    med: { text: 'glucosamine tablet 1500 mg (voedingssupplement)' },
    period: { start: '2021-01-04', end: '2022-06-30' },
    dateAsserted: '2022-07-05',
    source: vpSelf,
    dosage: [dosage({ text: '1 maal per dag 1 tablet' })],
  }),
  mgb({
    id: 'vp-mgb-ibuprofen',
    patient: VP,
    status: 'stopped',
    statusReason: 'Advies apotheker: niet combineren met acenocoumarol',
    med: PRODUCTS.ibuprofen400,
    period: { start: '2022-09-01', end: '2023-01-20' },
    dateAsserted: '2023-01-20',
    source: ORG.apotheek,
    dosage: [dosage({ text: 'Zo nodig 1 tablet, maximaal 3 maal per dag', freq: 1, freqMax: 3, per: 1, prn: true, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  mgb({
    id: 'vp-mgb-loperamide',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.loperamide,
    period: { start: '2025-08-10', end: '2025-08-12' },
    dateAsserted: '2025-08-14',
    source: vpSelf,
    dosage: [dosage({ text: 'Zo nodig na elke dunne ontlasting 1 capsule, maximaal 6 per dag', prn: true, route: ROUTE.oraal(), dose: caps(1), max: perDay(caps(6)) })],
  }),
  mgb({
    id: 'vp-mgb-cetirizine',
    patient: VP,
    status: 'unknown',
    med: PRODUCTS.cetirizine,
    effectiveDateTime: '2020-05',
    dateAsserted: '2020-05-18',
    source: vpSelf,
    dosage: [dosage({ text: 'In het hooikoortsseizoen 1 tablet per dag' })],
  }),
  mgb({
    id: 'vp-mgb-sint-janskruid',
    patient: VP,
    status: 'stopped',
    statusReason: 'Interactie met acenocoumarol',
    med: { text: 'Sint-Janskruid (Hypericum perforatum) tablet 300 mg, kruidenpreparaat' },
    period: { start: '2022-11-01', end: '2023-01-20' },
    dateAsserted: '2023-01-20',
    source: ORG.apotheek,
    dosage: [dosage({ text: '1 maal per dag 1 tablet' })],
  }),
  mgb({
    id: 'vp-mgb-betahistine',
    patient: VP,
    status: 'not-taken',
    statusReason: 'Patiënte zag af van gebruik (klachten verdwenen)',
    med: PRODUCTS.betahistine,
    period: { start: '2025-03-01' },
    dateAsserted: '2025-03-20',
    source: vpSelf,
    dosage: [dosage({ text: '3 maal per dag 1 tablet', freq: 3, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  mgb({
    id: 'vp-mgb-melatonine',
    patient: VP,
    status: 'stopped',
    statusReason: 'Geen effect',
    med: PRODUCTS.melatonine,
    period: { start: '2024-02-01', end: '2024-04-01' },
    dateAsserted: '2024-04-03',
    source: vpSelf,
    dosage: [dosage({ text: '1 tablet voor het slapengaan', freq: 1, per: 1, when: ['HS'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  mgb({
    id: 'vp-mgb-tramadol',
    patient: VP,
    status: 'entered-in-error',
    med: PRODUCTS.tramadol,
    period: { start: '2023-02-02', end: '2023-02-09' },
    dateAsserted: '2023-02-10',
    source: vpSelf,
    note: 'Dubbel geregistreerd.',
  }),
  mgb({
    id: 'vp-mgb-calcium-colecalciferol',
    patient: VP,
    // active, but the period ended before DEMO_TODAY: history, not current.
    status: 'active',
    med: PRODUCTS.calciumVitD,
    treatment: 'BEH-VP-CALCIUM-VITD',
    basedOn: 'vp-ma-calcium-colecalciferol',
    period: { start: '2026-03-03', end: '2026-11-15' },
    dateAsserted: '2026-10-14',
    source: vpSelf,
    dosage: [dosage({ text: '1 maal per dag 1 kauwtablet', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  mgb({
    id: 'vp-mgb-metformine',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.metformine,
    treatment: 'BEH-VP-METFORMINE',
    period: { start: '2017-05-10', end: '2023-09-19' },
    dateAsserted: '2023-09-20',
    source: DR.kuipers,
  }),
  mgb({
    id: 'vp-mgb-lactulose',
    patient: VP,
    // on-hold, but the period ended: history, not current.
    status: 'on-hold',
    statusReason: 'Onderbroken wegens buikkrampen',
    med: PRODUCTS.lactulose,
    treatment: 'BEH-VP-LACTULOSE',
    period: { start: '2024-11-06', end: '2025-03-01' },
    dateAsserted: '2025-02-20',
    source: vpSelf,
    dosage: [dosage({ text: '1 maal per dag 15 ml', freq: 1, per: 1, route: ROUTE.oraal(), dose: ml(15) })],
  }),
  mgb({
    id: 'vp-mgb-hydrocortison-creme',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.hydrocortisonCreme,
    period: { start: '2023-06-15', end: '2023-07-10' },
    dateAsserted: '2023-07-12',
    source: vpSelf,
  }),
  mgb({
    id: 'vp-mgb-salbutamol',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.salbutamol,
    period: { start: '2025-01-02', end: '2026-09-30' },
    dateAsserted: '2026-10-14',
    source: vpSelf,
    dosage: [dosage({ text: 'Zo nodig 1 inhalatie, ongeveer 2 keer per week', prn: REASON.benauwdheid(), route: ROUTE.inhalatie(), dose: puff(1) })],
  }),
  mgb({
    id: 'vp-mgb-diclofenac-gel',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.diclofenacGel,
    period: { start: '2025-10-01', end: '2025-11-01' },
    dateAsserted: '2025-11-02',
    source: vpSelf,
    dosage: [dosage({ text: 'Zo nodig 3 à 4 maal per dag dun op de knie smeren', prn: true, route: ROUTE.cutaan(), site: 'knie' })],
  }),
  mgb({
    id: 'vp-mgb-paracetamol-codeine',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.paracetamolCodeine,
    period: { start: '2019-08-12', end: '2019-08-20' },
    dateAsserted: '2019-08-22',
    source: DR.kuipers,
    note: 'Goed verdragen (zie weerlegde codeïne-allergie).',
    dosage: [dosage({ text: 'Zo nodig 1 tablet, maximaal 4 maal per dag', prn: REASON.pijn(), route: ROUTE.oraal(), dose: tbl(1), max: perDay(tbl(4)) })],
  }),
  mgb({
    id: 'vp-mgb-oxazepam',
    patient: VP,
    status: 'stopped',
    med: PRODUCTS.oxazepam,
    period: { start: '2024-10-29', end: '2024-11-02' },
    dateAsserted: '2024-11-04',
    source: vpSelf,
    dosage: [dosage({ text: 'Zo nodig een halve tablet', prn: true, route: ROUTE.oraal(), dose: tbl(0.5) })],
  }),
  mgb({
    id: 'vp-mgb-omeprazol-40',
    patient: VP,
    status: 'completed',
    med: PRODUCTS.omeprazol40,
    period: { start: '2019-03-01', end: '2020-02-28' },
    dateAsserted: '2020-03-02',
    source: DR.kuipers,
    dosage: [dosage({ text: '1 maal per dag 1 capsule', freq: 1, per: 1, route: ROUTE.oraal(), dose: caps(1) })],
  }),
];

const otherMedication = [
  // de Vries: one agreement and one use.
  ma({
    id: 'dv-ma-atorvastatine-40',
    patient: 'patient-de-vries',
    status: 'active',
    med: PRODUCTS.atorvastatine40,
    authoredOn: '2024-09-12',
    requester: DR.kuipers,
    reason: 'Hypercholesterolemie',
    rendered: 'Vanaf 12 sep. 2024, tot nader order, 1 maal per dag 1 tablet voor het slapengaan, oraal',
    periodExt: { start: '2024-09-12' },
    dosage: [dosage({ seq: 1, text: '1 maal per dag 1 tablet voor het slapengaan', freq: 1, per: 1, when: ['HS'], route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  mgb({
    id: 'dv-mgb-paracetamol-500',
    patient: 'patient-de-vries',
    status: 'active',
    med: 'med-paracetamol-500',
    period: { start: '2026-10-01' },
    dateAsserted: '2026-11-01',
    source: ref('Patient/patient-de-vries', 'H.J. de Vries'),
    dosage: [dosage({ text: 'Zo nodig 1 tablet, maximaal 4 maal per dag', prn: REASON.pijn(), route: ROUTE.oraal(), dose: tbl(1), max: perDay(tbl(4)) })],
  }),
  // Bakker-de Jong: asthma inhalers and a past painkiller.
  ma({
    id: 'bdj-ma-salbutamol',
    patient: 'patient-bakker-de-jong',
    status: 'active',
    med: PRODUCTS.salbutamol,
    authoredOn: '2026-02-09',
    requester: DR.kuipers,
    reason: 'Astma',
    validity: { start: '2026-02-09', end: '2027-02-08' },
    dosage: [dosage({
      seq: 1,
      text: 'Zo nodig bij benauwdheid 1 à 2 inhalaties, maximaal 8 inhalaties per dag',
      prn: REASON.benauwdheid(),
      route: ROUTE.inhalatie(),
      range: [puff(1), puff(2)],
      max: perDay(puff(8)),
    })],
  }),
  ma({
    id: 'bdj-ma-beclometason-formoterol',
    patient: 'patient-bakker-de-jong',
    status: 'active',
    med: PRODUCTS.beclometasonFormoterol,
    authoredOn: '2026-02-09',
    requester: DR.kuipers,
    reason: 'Astma',
    validity: { start: '2026-02-09', end: '2027-02-08' },
    dosage: [dosage({ seq: 1, text: '2 maal per dag 1 inhalatie', freq: 2, per: 1, route: ROUTE.inhalatie(), dose: puff(1) })],
  }),
  mgb({
    id: 'bdj-mgb-ibuprofen',
    patient: 'patient-bakker-de-jong',
    status: 'completed',
    med: PRODUCTS.ibuprofen400,
    period: { start: '2026-06-01', end: '2026-06-05' },
    dateAsserted: '2026-06-10',
    source: ref('Patient/patient-bakker-de-jong', 'A. Bakker-de Jong'),
    dosage: [dosage({ text: 'Zo nodig 1 tablet, maximaal 3 maal per dag', prn: REASON.pijn(), route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  // Whitfield: brought his own tablets from the UK; a short course started here.
  mgb({
    id: 'wh-mgb-amlodipine',
    patient: 'patient-whitfield',
    status: 'active',
    med: { text: 'Amlodipine 5 mg tablets' },
    period: { start: '2023-01-15' },
    dateAsserted: '2026-11-20',
    source: ref('Patient/patient-whitfield', 'Dr O.J. Whitfield'),
    note: 'Own supply brought from the United Kingdom.',
    dosage: [dosage({ text: 'One tablet once daily', freq: 1, per: 1, route: ROUTE.oraal(), dose: tbl(1) })],
  }),
  ma({
    id: 'wh-ma-nitrofurantoine',
    patient: 'patient-whitfield',
    status: 'active',
    med: PRODUCTS.nitrofurantoine100,
    authoredOn: '2026-11-20',
    requester: { display: 'J. de Groot, huisarts (huisartsenpost)' },
    reason: 'Urineweginfectie',
    dosage: [dosage({
      seq: 1,
      text: '2 maal per dag 1 capsule, 5 dagen',
      freq: 2,
      per: 1,
      bounds: { start: '2026-11-20', end: '2026-11-24' },
      route: ROUTE.oraal(),
      dose: caps(1),
    })],
  }),
  // Hendriks (deceased): palliative medication stopped at death.
  ma({
    id: 'hd-ma-morfine',
    patient: 'patient-hendriks',
    status: 'stopped',
    statusReason: 'Patiënt overleden',
    med: 'med-morfine-10',
    authoredOn: '2026-09-28',
    requester: DR.kuipers,
    reason: 'Palliatieve zorg',
    periodExt: { start: '2026-09-28', end: '2026-10-03' },
    dosage: [dosage({ seq: 1, text: 'Continu 1 mg per uur subcutaan via pomp', route: ROUTE.subcutaan(), rate: q(1, 'mg/h', 'mg/uur') })],
  }),
  ma({
    id: 'hd-ma-paracetamol-zetpil',
    patient: 'patient-hendriks',
    status: 'stopped',
    statusReason: 'Patiënt overleden',
    med: PRODUCTS.paracetamolZetpil,
    authoredOn: '2026-09-28',
    requester: DR.kuipers,
    periodExt: { start: '2026-09-28', end: '2026-10-03' },
    dosage: [dosage({ seq: 1, text: '3 maal per dag 1 zetpil', freq: 3, per: 1, route: ROUTE.rectaal(), dose: q(1, '{supp}', 'zetpil') })],
  }),
  // Smit (deceased, no date): one old, uncertain record.
  mgb({
    id: 'sm-mgb-diazepam',
    patient: 'patient-smit',
    status: 'unknown',
    med: PRODUCTS.diazepam,
    dateAsserted: '2019-11-04',
    source: { display: 'Overdracht verpleeghuis' },
    dosage: [dosage({ text: 'Zo nodig 1 tablet' })],
  }),
  // Baby van Dam: vitamins from day 8.
  mgb({
    id: 'baby-mgb-vitamine-k',
    patient: 'patient-baby-van-dam',
    status: 'active',
    med: PRODUCTS.vitamineK,
    period: { start: '2026-11-16', end: '2027-01-31' },
    dateAsserted: '2026-11-16',
    source: { display: 'L. van Dam (moeder)' },
    reason: 'Borstvoeding: vitamine K vanaf dag 8 tot 12 weken',
    dosage: [dosage({ text: '1 maal per dag 150 microgram', freq: 1, per: 1, route: ROUTE.oraal(), dose: ug(150) })],
  }),
  mgb({
    id: 'baby-mgb-vitamine-d',
    patient: 'patient-baby-van-dam',
    status: 'active',
    med: PRODUCTS.vitamineD,
    period: { start: '2026-11-16' },
    dateAsserted: '2026-11-16',
    source: { display: 'L. van Dam (moeder)' },
    dosage: [dosage({ text: '1 maal per dag 10 microgram (400 IE)', freq: 1, per: 1, route: ROUTE.oraal(), dose: ug(10) })],
  }),
];

// ---------------------------------------------------------------------------------------------
// Allergies (patient 3 Bakker-de Jong deliberately has none: "allergies not recorded")

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
const clinical = (code) => concept(undefined, coding(CLINICAL, code, { active: 'Active', inactive: 'Inactive', resolved: 'Resolved' }[code]));
const verification = (code) => concept(undefined, coding(VERIFICATION, code, {
  confirmed: 'Confirmed', unconfirmed: 'Unconfirmed', refuted: 'Refuted', 'entered-in-error': 'Entered in Error',
}[code]));

const allergies = [
  {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-van-putten-penicilline',
    clinicalStatus: clinical('active'),
    verificationStatus: verification('confirmed'),
    type: 'allergy',
    category: ['medication'],
    criticality: 'low',
    code: concept('penicillines', coding(SCT, '373270004', 'Substance with penicillin structure and antibacterial mechanism of action')),
    patient: ref(`Patient/${VP}`),
    onsetDateTime: '2024-03-13',
    recordedDate: '2024-03-14',
    recorder: DR.kuipers,
    reaction: [{
      substance: concept('amoxicilline/clavulaanzuur', coding(SCT, '372687004', 'Amoxicillin')),
      manifestation: [concept('netelroos (urticaria)', coding(SCT, '247472004', 'Hives'))],
      severity: 'moderate',
      onset: '2024-03-13',
    }],
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-van-putten-cashewnoot',
    clinicalStatus: clinical('active'),
    verificationStatus: verification('confirmed'),
    type: 'allergy',
    category: ['food'],
    criticality: 'high',
    code: concept('cashewnoten', coding(SCT, '227493005', 'Cashew nuts')),
    patient: ref(`Patient/${VP}`),
    onsetDateTime: '1998',
    recordedDate: '2015-03-02',
    recorder: DR.kuipers,
    reaction: [{ manifestation: [concept('anafylaxie', coding(SCT, '39579001', 'Anaphylactic reaction'))], severity: 'severe' }],
    note: [{ text: 'Draagt een adrenaline-autoinjector bij zich.' }],
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-van-putten-codeine-weerlegd',
    clinicalStatus: clinical('inactive'),
    verificationStatus: verification('refuted'),
    type: 'allergy',
    category: ['medication'],
    code: concept('codeïne', coding(SCT, '387494007', 'Codeine')),
    patient: ref(`Patient/${VP}`),
    recordedDate: '2019-08-22',
    recorder: DR.kuipers,
    note: [{ text: 'Misselijkheid na codeïne was een bijwerking, geen allergie; paracetamol/codeïne in 2019 goed verdragen.' }],
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-van-putten-ibuprofen-fout',
    verificationStatus: verification('entered-in-error'),
    type: 'allergy',
    category: ['medication'],
    code: concept('ibuprofen', coding(SCT, '387207008', 'Ibuprofen')),
    patient: ref(`Patient/${VP}`),
    recordedDate: '2023-01-20',
    note: [{ text: 'Bij de verkeerde patiënt geregistreerd.' }],
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-de-vries-geen-bekende-allergie',
    clinicalStatus: clinical('active'),
    verificationStatus: verification('confirmed'),
    code: concept('Geen bekende allergie', coding(SCT, '716186003', 'No known allergy')),
    patient: ref('Patient/patient-de-vries'),
    recordedDate: '2024-09-12',
    recorder: DR.kuipers,
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-whitfield-aspirine',
    clinicalStatus: clinical('active'),
    verificationStatus: verification('unconfirmed'),
    type: 'intolerance',
    category: ['medication'],
    criticality: 'low',
    code: concept('Aspirin', coding(SCT, '387458008', 'Aspirin')),
    patient: ref('Patient/patient-whitfield'),
    recordedDate: '2026-11-20',
    reaction: [{ manifestation: [concept('Wheezing')], description: 'Wheezy after aspirin, reported by the patient.' }],
  },
];

// ---------------------------------------------------------------------------------------------
// Consents (patient 1: six variants; patient 2: one permit; everyone else: none)

const scope = (code, display) => concept(undefined, coding(CONSENT_SCOPE, code, display));
const PRIVACY = () => scope('patient-privacy', 'Privacy Consent');
const PATIENT_CONSENT = () => [concept(undefined, coding(LOINC, '59284-0', 'Patient Consent'))];
const OPTIN = () => concept(undefined, coding(V3_ACT_CODE, 'OPTIN', 'opt-in'));
const OPTOUT = () => concept(undefined, coding(V3_ACT_CODE, 'OPTOUT', 'opt-out'));
const IRCP = () => concept(undefined, coding(V3_PARTICIPATION, 'IRCP', 'information recipient'));
const TREAT = () => coding(V3_ACT_REASON, 'TREAT', 'treatment');
const ACCESS = () => concept(undefined, coding('http://terminology.hl7.org/CodeSystem/consentaction', 'access', 'Access'));
const resourceClass = (...types) => types.map((t) => coding(RESOURCE_TYPES, t, t));
const MEDICATION_DATA = () => concept('medicatiegegevens', coding(LOINC, '10160-0', 'History of Medication use Narrative'));
const ALLERGY_DATA = () => concept('allergieën', coding(LOINC, '48765-2', 'Allergies and adverse reactions Document'));
const uuid = (value) => [ident('urn:ietf:rfc:3986', `urn:uuid:${value}`)];

const consents = [
  // Active permit, end after DEMO_TODAY.
  {
    resourceType: 'Consent',
    id: 'consent-van-putten-toestemming-ziekenhuis',
    identifier: uuid('3f6b2c1e-8d4a-4e2b-9c71-5a0d2e8f4b11'),
    status: 'active',
    scope: PRIVACY(),
    category: PATIENT_CONSENT(),
    patient: ref(`Patient/${VP}`),
    dateTime: '2025-01-10T10:15:00+01:00',
    performer: [vpSelf],
    organization: [ORG.huisarts],
    policyRule: OPTIN(),
    provision: {
      type: 'permit',
      period: { start: '2025-01-10', end: '2030-01-09' },
      actor: [{ role: IRCP(), reference: ORG.ziekenhuis }],
      action: [ACCESS()],
      purpose: [TREAT()],
      class: resourceClass('MedicationRequest', 'MedicationStatement', 'AllergyIntolerance'),
      code: [MEDICATION_DATA(), ALLERGY_DATA()],
    },
  },
  // Active deny (no end date); the recipient is a display-only reference.
  {
    resourceType: 'Consent',
    id: 'consent-van-putten-weigering-arbodienst',
    identifier: uuid('9a1d7e44-2c3b-4f65-8e0a-b7c6d5e4f302'),
    status: 'active',
    scope: PRIVACY(),
    category: PATIENT_CONSENT(),
    patient: ref(`Patient/${VP}`),
    dateTime: '2026-03-01T09:30:00+01:00',
    performer: [vpSelf],
    organization: [ORG.huisarts],
    policyRule: OPTOUT(),
    provision: {
      type: 'deny',
      period: { start: '2026-03-01' },
      actor: [{ role: IRCP(), reference: { display: 'Arbodienst Voorbeeld B.V.' } }],
      action: [ACCESS()],
    },
  },
  // Expired permit: status still active, period ended before DEMO_TODAY.
  {
    resourceType: 'Consent',
    id: 'consent-van-putten-verlopen-apotheek',
    identifier: uuid('c2e8f0a6-5b17-4d3c-a9f4-0e6b1d2c7a53'),
    status: 'active',
    scope: PRIVACY(),
    category: PATIENT_CONSENT(),
    patient: ref(`Patient/${VP}`),
    dateTime: '2021-05-01T11:00:00+02:00',
    performer: [vpSelf],
    organization: [ORG.huisarts],
    policyRule: OPTIN(),
    provision: {
      type: 'permit',
      period: { start: '2021-05-01', end: '2026-05-01' },
      actor: [{ role: IRCP(), reference: ORG.apotheek }],
      action: [ACCESS()],
      purpose: [TREAT()],
      class: resourceClass('MedicationRequest'),
      code: [MEDICATION_DATA()],
    },
  },
  // Withdrawn (inactive) permit, recipient is a contained Organization.
  {
    resourceType: 'Consent',
    id: 'consent-van-putten-ingetrokken-zorgnetwerk',
    meta: { lastUpdated: '2026-07-15T16:05:00+02:00' },
    contained: [{ resourceType: 'Organization', id: 'org1', name: 'Regionaal Zorgnetwerk Zilverlinde' }],
    identifier: uuid('5d4c3b2a-1f0e-4a9b-8c7d-6e5f4a3b2c64'),
    status: 'inactive',
    scope: PRIVACY(),
    category: PATIENT_CONSENT(),
    patient: ref(`Patient/${VP}`),
    dateTime: '2024-02-01T14:45:00+01:00',
    performer: [vpSelf],
    organization: [ORG.huisarts],
    policyRule: OPTIN(),
    provision: {
      type: 'permit',
      period: { start: '2024-02-01', end: '2029-01-31' },
      actor: [{ role: IRCP(), reference: ref('#org1', 'Regionaal Zorgnetwerk Zilverlinde') }],
      action: [ACCESS()],
      purpose: [TREAT()],
    },
  },
  // zib2020 TreatmentDirective2: scope treatment, provision without a type (decision "other").
  {
    resourceType: 'Consent',
    id: 'consent-van-putten-behandelaanwijzing-ic',
    meta: { profile: [`${NICTIZ}nl-core-TreatmentDirective2`] },
    extension: [{ url: EXT_COMMENT, valueString: 'Opname op de intensive care alleen na overleg met dochter (wettelijk vertegenwoordiger); geen beademing langer dan 7 dagen.' }],
    identifier: uuid('e7f6a5b4-c3d2-4e1f-9a8b-7c6d5e4f3a75'),
    status: 'active',
    scope: scope('treatment', 'Treatment'),
    category: [concept(undefined, coding(SCT, '129125009', 'Procedure with explicit context'))],
    patient: ref(`Patient/${VP}`),
    dateTime: '2026-04-14',
    performer: [vpSelf, DR.kuipers],
    policy: [{ uri: 'https://wetten.overheid.nl/' }],
    provision: {
      actor: [
        { role: concept(undefined, coding(V3_ROLE, 'CONSENTER', 'consenter')), reference: vpSelf },
        { role: concept(undefined, coding(V3_ROLE, 'CONSENTER', 'consenter')), reference: DR.kuipers },
      ],
      code: [concept('opname op intensive care', coding(SCT, '305351004', 'Admission to intensive care unit'))],
    },
  },
  // A permit with a modifierExtension nobody knows: must not be shown as a plain permit.
  {
    resourceType: 'Consent',
    id: 'consent-van-putten-onbekende-modifier',
    modifierExtension: [{ url: 'http://example.org/fhir/StructureDefinition/consent-restricted-to-named-practitioner', valueString: 'Alleen dr. Y. el Amrani' }],
    identifier: uuid('1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a586'),
    status: 'active',
    scope: PRIVACY(),
    category: PATIENT_CONSENT(),
    patient: ref(`Patient/${VP}`),
    dateTime: '2026-06-01T08:50:00+02:00',
    performer: [vpSelf],
    organization: [ORG.ziekenhuis],
    policyRule: OPTIN(),
    provision: {
      type: 'permit',
      period: { start: '2026-06-01', end: '2028-06-01' },
      actor: [{ role: IRCP(), reference: ORG.ziekenhuis }],
      action: [ACCESS()],
      purpose: [TREAT()],
      class: resourceClass('MedicationRequest'),
    },
  },
  // de Vries: one active permit.
  {
    resourceType: 'Consent',
    id: 'consent-de-vries-toestemming-ziekenhuis',
    identifier: uuid('8e9f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a97'),
    status: 'active',
    scope: PRIVACY(),
    category: PATIENT_CONSENT(),
    patient: ref('Patient/patient-de-vries', 'H.J. de Vries'),
    dateTime: '2025-09-01T13:20:00+02:00',
    performer: [ref('Patient/patient-de-vries', 'H.J. de Vries')],
    organization: [ORG.huisarts],
    policyRule: OPTIN(),
    provision: {
      type: 'permit',
      period: { start: '2025-09-01', end: '2027-09-01' },
      actor: [{ role: IRCP(), reference: ORG.ziekenhuis }],
      action: [ACCESS()],
      purpose: [TREAT()],
      class: resourceClass('MedicationStatement', 'AllergyIntolerance'),
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Assembly

/**
 * Deep copy that drops undefined values, empty arrays and empty objects (FHIR allows neither).
 * Array positions are kept (a dropped item becomes null) so `_given` stays aligned with `given`.
 */
function clean(value) {
  if (Array.isArray(value)) {
    const out = value.map((v) => clean(v) ?? null);
    return out.some((v) => v !== null) ? out : undefined;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

const resources = [
  ...organizations,
  ...practitioners,
  ...patients,
  ...MEDICATIONS,
  ...vanPuttenMedication,
  ...otherMedication,
  ...allergies,
  ...consents,
];

/** The demo data set: a FHIR R4 Bundle of type "collection", fullUrl "<ResourceType>/<id>". */
export const demoBundle = {
  resourceType: 'Bundle',
  id: 'zorgkit-demo',
  meta: { lastUpdated: `${DEMO_TODAY}T08:00:00+01:00` },
  type: 'collection',
  timestamp: `${DEMO_TODAY}T08:00:00+01:00`,
  entry: resources.map((resource) => {
    const r = clean(resource);
    return { fullUrl: `${r.resourceType}/${r.id}`, resource: r };
  }),
};

/** One entry per patient, for a patient picker. */
export const demoPatients = [
  {
    id: 'patient-van-putten',
    label: 'Jo van Putten-van der Giessen',
    description: 'Own name + partner name (NL4) with call name; 60+ medication items across every status, known allergies and six kinds of consent.',
  },
  {
    id: 'patient-de-vries',
    label: 'Henk de Vries',
    description: 'Voorvoegsel only (NL1), BSN in the old OID system, "no known allergies" and one active permit.',
  },
  {
    id: 'patient-bakker-de-jong',
    label: 'Anouk Bakker-de Jong',
    description: 'Partner name first (NL3); allergies not recorded at all.',
  },
  {
    id: 'patient-whitfield',
    label: 'Dr Oliver Whitfield',
    description: 'UK visitor with an NHS number and a title, no BSN, and a temporary Dutch address.',
  },
  {
    id: 'patient-hendriks',
    label: 'Willem Hendriks',
    description: 'Deceased on 3 October 2026 (deceasedDateTime), with medication stopped at death.',
  },
  {
    id: 'patient-smit',
    label: 'Cornelia Smit',
    description: 'Deceased, date unknown (deceasedBoolean); partner name only (NL2).',
  },
  {
    id: 'patient-onbekend-seh',
    label: 'Onbekende patiënt SEH',
    description: 'Unidentified emergency registration: name text only, no birth date, gender unknown.',
  },
  {
    id: 'patient-baby-van-dam',
    label: 'Baby van Dam',
    description: 'Newborn, 14 days old on the demo date (birth time known): infant age display.',
  },
];
