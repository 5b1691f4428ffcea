// Allergy status for the patient banner: NHS CUI PAB-0064…0071 ("Known allergies", "No known
// allergies", "Allergies not recorded"). Fictional records only.
import { expect } from '@open-wc/testing';
import type { AllergyIntolerance } from '../../src/core/fhir.js';
import {
  NO_KNOWN_ALLERGY_CODE, NO_KNOWN_ALLERGY_CODES, NO_KNOWN_CATEGORY_CODES, allergyStatus, formatNoKnownAllergies,
} from '../../src/model/allergy.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

function allergy(code: string, options: { clinical?: string; verification?: string; id?: string; system?: string } = {}): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: options.id ?? code,
    patient: { reference: 'Patient/p1' },
    code: { coding: [{ system: options.system ?? 'http://snomed.info/sct', code }] },
    ...(options.clinical ? { clinicalStatus: { coding: [{ system: CLINICAL, code: options.clinical }] } } : {}),
    ...(options.verification ? { verificationStatus: { coding: [{ system: VERIFICATION, code: options.verification }] } } : {}),
  };
}

const PENICILLIN = '91936005';
const PEANUT = '91935009';
const NO_KNOWN_ALLERGY = '716186003';
const NO_KNOWN_DRUG_ALLERGY = '409137002';
const NO_KNOWN_FOOD_ALLERGY = '429625007';
const NO_KNOWN_ENVIRONMENTAL_ALLERGY = '428607008';

describe('allergyStatus (PAB-0064…0071)', () => {
  it('nothing recorded → not-recorded (PAB "Allergies not recorded")', () => {
    expect(allergyStatus([])).to.deep.equal({ status: 'not-recorded', allergies: [] });
  });

  it('an active allergy → known, listing it', () => {
    const result = allergyStatus([allergy(PENICILLIN, { clinical: 'active', verification: 'confirmed' })]);
    expect(result.status).to.equal('known');
    expect(result.allergies.map((a) => a.id)).to.deep.equal([PENICILLIN]);
  });

  it('an unconfirmed (suspected) allergy, or one without statuses, still counts as known', () => {
    expect(allergyStatus([allergy(PEANUT, { clinical: 'active', verification: 'unconfirmed' })]).status).to.equal('known');
    expect(allergyStatus([allergy(PEANUT)]).status).to.equal('known');
  });

  it('PAB "No known allergies": "No known allergy" (716186003) alone → none', () => {
    expect(allergyStatus([allergy(NO_KNOWN_ALLERGY, { clinical: 'active' })])).to.deep.equal({ status: 'none', allergies: [] });
  });

  it('no known drug allergy (409137002) alone is not "No known allergies": none-in-categories [drug]', () => {
    expect(allergyStatus([allergy(NO_KNOWN_DRUG_ALLERGY)])).to.deep.equal({ status: 'none-in-categories', allergies: [], noKnownCategories: ['drug'] });
  });

  it('no known food (429625007) / environmental (428607008) allergy is a negation, never "Known allergies"', () => {
    expect(allergyStatus([allergy(NO_KNOWN_FOOD_ALLERGY)])).to.deep.equal({ status: 'none-in-categories', allergies: [], noKnownCategories: ['food'] });
    expect(allergyStatus([allergy(NO_KNOWN_ENVIRONMENTAL_ALLERGY, { clinical: 'active' })])).to.deep.equal({ status: 'none-in-categories', allergies: [], noKnownCategories: ['environmental'] });
    // Insect (428197003), animal (716220001) and latex (1003774007) are negations too.
    expect(allergyStatus([allergy('428197003'), allergy('716220001'), allergy('1003774007')]).noKnownCategories).to.deep.equal(['insect', 'animal', 'latex']);
  });

  it('no known … allergy records: the kinds once each, in a fixed order; with 716186003 beside them → none', () => {
    const some = [allergy(NO_KNOWN_ENVIRONMENTAL_ALLERGY), allergy(NO_KNOWN_FOOD_ALLERGY), allergy(NO_KNOWN_DRUG_ALLERGY, { id: 'd1' }), allergy(NO_KNOWN_DRUG_ALLERGY, { id: 'd2' })];
    expect(allergyStatus(some).noKnownCategories).to.deep.equal(['drug', 'food', 'environmental']);
    expect(allergyStatus([...some, allergy(NO_KNOWN_ALLERGY)])).to.deep.equal({ status: 'none', allergies: [] });
  });

  it('no known … allergy: a record coded both 716186003 and 409137002 reads as the narrower (drug) only', () => {
    const both: AllergyIntolerance = { ...allergy(NO_KNOWN_ALLERGY), code: { coding: [{ system: 'http://snomed.info/sct', code: NO_KNOWN_ALLERGY }, { system: 'http://snomed.info/sct', code: NO_KNOWN_DRUG_ALLERGY }] } };
    expect(allergyStatus([both]).status).to.equal('none-in-categories');
  });

  it('PAB "Known allergies": a real allergy outweighs "no known drug/food allergy" records, which are not listed', () => {
    const result = allergyStatus([allergy(NO_KNOWN_DRUG_ALLERGY), allergy(PEANUT), allergy(NO_KNOWN_FOOD_ALLERGY)]);
    expect(result.status).to.equal('known');
    expect(result.allergies.map((a) => a.id)).to.deep.equal([PEANUT]);
    expect(result).to.not.have.property('noKnownCategories');
  });

  it('a refuted or entered-in-error "no known drug allergy" is ignored like any record', () => {
    expect(allergyStatus([allergy(NO_KNOWN_DRUG_ALLERGY, { verification: 'entered-in-error' })]).status).to.equal('not-recorded');
    expect(allergyStatus([allergy(NO_KNOWN_DRUG_ALLERGY, { verification: 'refuted' }), allergy(NO_KNOWN_ALLERGY)]).status).to.equal('none');
  });

  it('formatNoKnownAllergies names what was ruled out (en and nl), several joined into one phrase', () => {
    expect(formatNoKnownAllergies(['drug'], 'en')).to.equal('No known drug allergies');
    expect(formatNoKnownAllergies(['drug'], 'nl')).to.equal('Geen bekende geneesmiddelallergieën');
    expect(formatNoKnownAllergies(['food'], 'nl')).to.equal('Geen bekende voedselallergieën');
    expect(formatNoKnownAllergies(['environmental'], 'nl')).to.equal('Geen bekende omgevingsallergieën');
    expect(formatNoKnownAllergies(['food', 'drug'], 'en')).to.equal('No known drug or food allergies');
    expect(formatNoKnownAllergies(['food', 'drug'], 'nl')).to.equal('Geen bekende geneesmiddel- of voedselallergieën');
    expect(formatNoKnownAllergies(['environmental', 'food', 'drug'], 'en')).to.equal('No known drug, food or environmental allergies');
    expect(formatNoKnownAllergies(['environmental', 'food', 'drug'], 'nl')).to.equal('Geen bekende geneesmiddel-, voedsel- of omgevingsallergieën');
    expect(formatNoKnownAllergies([], 'en')).to.equal(undefined);
  });

  it('a real allergy outweighs a "no known allergy" record, which is not listed', () => {
    const result = allergyStatus([allergy(NO_KNOWN_ALLERGY), allergy(PENICILLIN)]);
    expect(result.status).to.equal('known');
    expect(result.allergies.map((a) => a.id)).to.deep.equal([PENICILLIN]);
  });

  it('refuted, entered-in-error, inactive and resolved records are ignored', () => {
    const ignored = [
      allergy(PENICILLIN, { verification: 'refuted', id: 'refuted' }),
      allergy(PENICILLIN, { verification: 'entered-in-error', id: 'error' }),
      allergy(PENICILLIN, { clinical: 'inactive', id: 'inactive' }),
      allergy(PENICILLIN, { clinical: 'resolved', id: 'resolved' }),
    ];
    expect(allergyStatus(ignored).status).to.equal('not-recorded');
    expect(allergyStatus([...ignored, allergy(NO_KNOWN_ALLERGY)]).status).to.equal('none');
    expect(allergyStatus([allergy(NO_KNOWN_ALLERGY, { verification: 'entered-in-error' })]).status).to.equal('not-recorded');
  });

  it('the "no known allergy" code counts only in SNOMED CT', () => {
    expect(allergyStatus([allergy(NO_KNOWN_ALLERGY, { system: 'http://example.org/local-codes' })]).status).to.equal('known');
  });

  it('ignores anything that is not an AllergyIntolerance, and survives malformed data', () => {
    const malformed = [
      null,
      'text',
      { resourceType: 'Patient', id: 'p1' },
      { resourceType: 'AllergyIntolerance', id: 'odd', clinicalStatus: { coding: 'active' }, code: { coding: [null, 42] } },
    ];
    const result = allergyStatus(malformed);
    expect(result.status).to.equal('known');
    expect(result.allergies.map((a) => a.id)).to.deep.equal(['odd']);
  });

  it('every "no known" code counts: the written-out list is the all-kinds code and every one-kind code', () => {
    expect(NO_KNOWN_ALLERGY_CODES).to.have.members([NO_KNOWN_ALLERGY_CODE, ...Object.keys(NO_KNOWN_CATEGORY_CODES)]);
    expect(NO_KNOWN_ALLERGY_CODES).to.have.length(1 + Object.keys(NO_KNOWN_CATEGORY_CODES).length);
  });
});
