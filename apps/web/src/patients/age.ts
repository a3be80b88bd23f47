// A patient's age as a clinician says it: days for the newborn, months under two years, years after.
import { daysSince, type PatientView, todayIso, wholeYearsSince } from '@unani/contracts';

export type AgeUnit = 'days' | 'months' | 'years';
export const ageUnits: readonly AgeUnit[] = ['years', 'months', 'days'];

function monthsSince(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const months = (on.getUTCFullYear() - y) * 12 + (on.getUTCMonth() + 1 - m) - (on.getUTCDate() < d ? 1 : 0);
  return Math.max(0, months);
}

/** Days under a month, months under two years, then whole years. */
export function ageOf(p: Pick<PatientView, 'age' | 'birthDate'>, on = new Date()): { value: number; unit: AgeUnit } {
  if (!p.birthDate) return { value: p.age, unit: 'years' };
  const days = Math.max(0, daysSince(p.birthDate, on));
  const months = monthsSince(p.birthDate, on);
  if (months < 1) return { value: days, unit: 'days' };
  if (months < 24) return { value: months, unit: 'months' };
  return { value: wholeYearsSince(p.birthDate, on), unit: 'years' };
}

/**
 * An age given in months or days becomes an estimated date of birth (the record then ages with the child);
 * an age in years stays whole years, as before.
 */
export function birthFromAge(value: number, unit: AgeUnit, on = new Date()): { age: number } | { birthDate: string } {
  if (unit === 'years') return { age: value };
  const date = new Date(on);
  if (unit === 'months') date.setUTCMonth(date.getUTCMonth() - value);
  else date.setUTCDate(date.getUTCDate() - value);
  const iso = todayIso(date);
  return { birthDate: iso };
}
