import { describe, expect, it } from 'vitest';
import { PatientCreate, PatientHistory, pregnancyOn, wholeYearsSince, yearsSince } from './patients.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('ages from a date of birth', () => {
  it('counts whole years by the calendar', () => {
    expect(wholeYearsSince('2000-06-15', day('2026-06-14'))).toBe(25);
    expect(wholeYearsSince('2000-06-15', day('2026-06-15'))).toBe(26);
    expect(wholeYearsSince('2026-11-01', day('2026-12-01'))).toBe(0);
  });
  it('gives infants a fraction of a year', () => {
    expect(yearsSince('2026-09-01', day('2026-12-01'))).toBeCloseTo(0.25, 1);
    expect(yearsSince('2026-11-24', day('2026-12-01')) * 365.25).toBeCloseTo(7, 0);
  });
});

describe('a pregnancy record on a later day', () => {
  it('advances the weeks and stops after 42', () => {
    const record = { status: 'pregnant' as const, weeks: 30, recordedOn: '2026-11-01' };
    expect(pregnancyOn(record, day('2026-11-29'))).toEqual({ pregnant: true, pregnancyWeeks: 34 });
    expect(pregnancyOn(record, day('2027-02-01'))).toEqual({});
  });
  it('believes "not pregnant" for a month only', () => {
    const record = { status: 'not-pregnant' as const, recordedOn: '2026-11-01' };
    expect(pregnancyOn(record, day('2026-11-20'))).toEqual({ pregnant: false });
    expect(pregnancyOn(record, day('2026-12-15'))).toEqual({});
  });
  it('reads breastfeeding and nothing', () => {
    expect(pregnancyOn({ status: 'breastfeeding', recordedOn: '2026-10-01' }, day('2026-12-01'))).toEqual({
      breastfeeding: true,
    });
    expect(pregnancyOn(null)).toEqual({});
  });
});

describe('patient input', () => {
  it('needs an age or a date of birth, and no date of birth in the future', () => {
    expect(PatientCreate.safeParse({ name: 'A', sex: 'female' }).success).toBe(false);
    expect(PatientCreate.safeParse({ name: 'A', sex: 'female', birthDate: '2026-01-05' }).success).toBe(true);
    expect(PatientCreate.safeParse({ name: 'A', sex: 'female', birthDate: '2999-01-05' }).success).toBe(false);
    expect(PatientCreate.safeParse({ name: 'A', sex: 'female', birthDate: '1700-01-05' }).success).toBe(false);
  });
  it('keeps each known condition once and bounds free text', () => {
    expect(PatientHistory.safeParse({ conditions: ['diabetes', 'diabetes'] }).success).toBe(false);
    expect(PatientHistory.safeParse({ allergies: ['x'.repeat(121)] }).success).toBe(false);
    expect(PatientHistory.parse({})).toEqual({
      allergies: [],
      conditions: [],
      otherConditions: [],
      medicines: [],
      pregnancy: null,
    });
  });
});
