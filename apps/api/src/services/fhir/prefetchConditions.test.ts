import { describe, expect, it } from 'vitest';
import { recordedDiseases } from './prefetchConditions.ts';
import { CONDITION_CLINICAL_SYSTEM, CONDITION_VERIFICATION_SYSTEM, DISEASES_SYSTEM, SNOMED_SYSTEM } from './systems.ts';

function condition(
  code: string,
  { clinical = 'active', verification = 'confirmed', patient = 'p1', system = DISEASES_SYSTEM } = {},
) {
  return {
    resource: {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL_SYSTEM, code: clinical }] },
      verificationStatus: { coding: [{ system: CONDITION_VERIFICATION_SYSTEM, code: verification }] },
      code: { coding: [{ system, code }] },
      subject: { reference: `Patient/${patient}` },
    },
  };
}

describe('diseases already diagnosed, from prefetched Conditions', () => {
  it('keeps confirmed, current diagnoses of this patient coded with our disease codes', () => {
    const entries = [
      condition('shaqeeqa'),
      condition('zukam', { clinical: 'relapse' }),
      condition('nazla', { clinical: 'resolved' }),
      condition('humma', { verification: 'provisional' }),
      condition('waja-ul-mafasil', { patient: 'p2' }),
      condition('37796009', { system: SNOMED_SYSTEM }),
      { resource: { resourceType: 'Observation' } },
      {},
    ];
    expect([...recordedDiseases(entries, 'p1')].sort()).toEqual(['shaqeeqa', 'zukam']);
  });
});
