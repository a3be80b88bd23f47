import { describe, expect, it } from 'vitest';
import { ageOf, birthFromAge } from './age.ts';

const on = new Date('2026-12-01T10:00:00Z');

describe('a patient age as said in clinic', () => {
  it('says days, months, then years', () => {
    expect(ageOf({ age: 0, birthDate: '2026-11-24' }, on)).toEqual({ value: 7, unit: 'days' });
    expect(ageOf({ age: 0, birthDate: '2026-05-01' }, on)).toEqual({ value: 7, unit: 'months' });
    expect(ageOf({ age: 1, birthDate: '2025-01-15' }, on)).toEqual({ value: 22, unit: 'months' });
    expect(ageOf({ age: 3, birthDate: '2023-06-01' }, on)).toEqual({ value: 3, unit: 'years' });
    expect(ageOf({ age: 40, birthDate: null }, on)).toEqual({ value: 40, unit: 'years' });
  });
  it('turns months and days into an estimated birth date that reads back the same', () => {
    const months = birthFromAge(7, 'months', on);
    expect(months).toEqual({ birthDate: '2026-05-01' });
    expect(ageOf({ age: 0, birthDate: (months as { birthDate: string }).birthDate }, on)).toEqual({
      value: 7,
      unit: 'months',
    });
    expect(birthFromAge(10, 'days', on)).toEqual({ birthDate: '2026-11-21' });
    expect(birthFromAge(34, 'years', on)).toEqual({ age: 34 });
  });
});
