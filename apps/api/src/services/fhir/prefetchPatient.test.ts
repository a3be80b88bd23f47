import { describe, expect, it } from 'vitest';
import { ageFromBirthDate, contextFromPatient } from './prefetchPatient.ts';
import { PATIENT_AGE_EXTENSION } from './systems.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const patient = (extra: Record<string, unknown>) => ({ resourceType: 'Patient', id: 'p1', ...extra });

describe('age and sex from a prefetched Patient', () => {
  it('reads the age from a full birth date, an adult and an infant alike', () => {
    expect(contextFromPatient(patient({ birthDate: '1992-06-15', gender: 'female' }), 'p1', NOW)).toEqual({
      ageYears: expect.closeTo(34.46, 2),
      sex: 'female',
    });
    const infant = contextFromPatient(patient({ birthDate: '2026-10-01', gender: 'male' }), 'p1', NOW);
    expect(infant.ageYears).toBeGreaterThan(0.16);
    expect(infant.ageYears).toBeLessThan(0.25);
    expect(infant.sex).toBe('male');
  });

  it('takes a month of birth as its middle, and a year of birth only for an adult', () => {
    expect(ageFromBirthDate('1990-03', NOW)).toBeCloseTo(36.7, 1);
    expect(ageFromBirthDate('2026-11', NOW)).toBeCloseTo(0.04, 1);
    expect(ageFromBirthDate('1990', NOW)).toBeCloseTo(36.4, 1);
    expect(ageFromBirthDate('2024', NOW)).toBeUndefined();
  });

  it('leaves the age unknown for a date in the future, an impossible date or text', () => {
    for (const d of ['2027-01-01', '2026-02-30', '2026-13', 'yesterday', ''])
      expect(ageFromBirthDate(d, NOW)).toBeUndefined();
  });

  it('falls back on our age extension, in years, months, weeks or days', () => {
    const withAge = (valueAge: unknown) => patient({ extension: [{ url: PATIENT_AGE_EXTENSION, valueAge }] });
    expect(contextFromPatient(withAge({ value: 34, unit: 'years', code: 'a' }), 'p1', NOW)).toEqual({ ageYears: 34 });
    expect(contextFromPatient(withAge({ value: 2, code: 'mo' }), 'p1', NOW).ageYears).toBeCloseTo(0.167, 3);
    expect(contextFromPatient(withAge({ value: 6, code: 'wk' }), 'p1', NOW).ageYears).toBeCloseTo(0.115, 3);
    expect(contextFromPatient(withAge({ value: 34, code: 'cm' }), 'p1', NOW)).toEqual({});
    expect(contextFromPatient(withAge({ value: -1, code: 'a' }), 'p1', NOW)).toEqual({});
  });

  it('prefers the birth date to the extension', () => {
    const both = patient({
      birthDate: '2026-10-01',
      extension: [{ url: PATIENT_AGE_EXTENSION, valueAge: { value: 34, code: 'a' } }],
    });
    expect(contextFromPatient(both, 'p1', NOW).ageYears).toBeLessThan(1);
  });

  it('knows nothing from no Patient, another patient, or an unknown gender', () => {
    expect(contextFromPatient(undefined, 'p1', NOW)).toEqual({});
    expect(contextFromPatient(null, 'p1', NOW)).toEqual({});
    expect(contextFromPatient({ resourceType: 'Observation' }, 'p1', NOW)).toEqual({});
    expect(contextFromPatient(patient({ birthDate: '1992-06-15' }), 'p2', NOW)).toEqual({});
    expect(contextFromPatient(patient({ gender: 'unknown' }), 'p1', NOW)).toEqual({});
  });
});
