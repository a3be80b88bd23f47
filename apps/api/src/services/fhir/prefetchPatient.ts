// The patient's age and sex from a prefetched FHIR Patient (CDS Hooks): from birthDate, else from our own
// age extension. Anything missing, malformed or about another patient leaves the fact unknown, and the engine
// then holds back every age-bound warning rather than guessing.
import type { PatientContext } from '@unani/contracts';
import { z } from 'zod';
import { PATIENT_AGE_EXTENSION } from './systems.ts';

const PatientIn = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
  extension: z.array(z.looseObject({ url: z.string(), valueAge: z.unknown().optional() })).optional(),
});
type PatientIn = z.infer<typeof PatientIn>;

const AgeIn = z.looseObject({
  value: z.number().nonnegative(),
  code: z.string().optional(),
  unit: z.string().optional(),
});

const DAYS_PER_YEAR = 365.25;
/** The oldest age the engine's context accepts. */
const MAX_AGE_YEARS = 130;
/** A birth year alone is taken only for adults: a year's doubt moves no rule for children or infants. */
const YEAR_ONLY_MIN_AGE = 18;
/** UCUM units of age (FHIR's Age value set) in years. */
const YEARS_PER_UNIT: Record<string, number> = { a: 1, mo: 1 / 12, wk: 7 / DAYS_PER_YEAR, d: 1 / DAYS_PER_YEAR };

const years = (from: Date, to: Date) => (to.getTime() - from.getTime()) / (DAYS_PER_YEAR * 86_400_000);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * The age in years on `now` from a FHIR date: exact for YYYY-MM-DD; the middle of the month (so far) for YYYY-MM
 * (at most half a month out); the middle of the year for YYYY, only when that makes an adult. Otherwise unknown.
 */
export function ageFromBirthDate(birthDate: string, now: Date): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  let earliest: Date;
  let latest: Date;
  if (mo !== undefined && d !== undefined) {
    earliest = latest = utc(y, mo, d);
    if (earliest.getUTCMonth() !== mo - 1 || earliest.getUTCDate() !== d) return undefined;
  } else if (mo !== undefined) {
    if (mo < 1 || mo > 12) return undefined;
    [earliest, latest] = [utc(y, mo, 1), utc(y, mo + 1, 0)];
  } else [earliest, latest] = [utc(y, 1, 1), utc(y, 12, 31)];
  if (earliest > now) return undefined;
  if (latest > now) latest = now;
  const age = (years(earliest, now) + years(latest, now)) / 2;
  if (mo === undefined && years(latest, now) < YEAR_ONLY_MIN_AGE) return undefined;
  return age <= MAX_AGE_YEARS ? age : undefined;
}

function ageFromExtension(p: PatientIn): number | undefined {
  const ext = p.extension?.find((e) => e.url === PATIENT_AGE_EXTENSION);
  const age = AgeIn.safeParse(ext?.valueAge);
  if (!age.success) return undefined;
  const unit = age.data.code ?? (age.data.unit === 'years' ? 'a' : undefined);
  const perUnit = unit ? YEARS_PER_UNIT[unit] : undefined;
  if (perUnit === undefined) return undefined;
  const inYears = age.data.value * perUnit;
  return inYears <= MAX_AGE_YEARS ? inYears : undefined;
}

const SEX_OF_GENDER: Record<string, PatientContext['sex']> = { male: 'male', female: 'female', other: 'other' };

/** Age and sex of the prefetched Patient `patientId`; an empty context when there is none or it is someone else. */
export function contextFromPatient(resource: unknown, patientId: string, now = new Date()): PatientContext {
  const parsed = PatientIn.safeParse(resource);
  if (!parsed.success) return {};
  const p = parsed.data;
  if (p.id !== undefined && p.id !== patientId) return {};
  const ageYears = (p.birthDate ? ageFromBirthDate(p.birthDate, now) : undefined) ?? ageFromExtension(p);
  const sex = p.gender ? SEX_OF_GENDER[p.gender] : undefined;
  return { ...(ageYears !== undefined ? { ageYears } : {}), ...(sex ? { sex } : {}) };
}
