// Allergy status for the patient banner: NHS CUI PAB-0064…0071 ("Known allergies", "No known
// allergies", "Allergies not recorded"). Fictional records only.
import { expect } from '@open-wc/testing';
import type { AllergyIntolerance } from '../../src/core/fhir.js';
import { allergyStatus } from '../../src/model/allergy.js';

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

  it('"No known allergy" (716186003) or "no known drug allergy" (409137002) alone → none', () => {
    expect(allergyStatus([allergy(NO_KNOWN_ALLERGY, { clinical: 'active' })])).to.deep.equal({ status: 'none', allergies: [] });
    expect(allergyStatus([allergy(NO_KNOWN_DRUG_ALLERGY)]).status).to.equal('none');
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
});
