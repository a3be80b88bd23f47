// Patients: owned by one practitioner, holding the minimum identifying data and the history every visit needs
// (allergies, pregnancy, known conditions, current medicines).
import { z } from 'zod';
import { TemperamentBasis } from './mizajAssessments.ts';
import { KnownCondition, Sex, Temperament } from './vocabulary.ts';

export const MAX_AGE_YEARS = 130;

/** A calendar date, `YYYY-MM-DD`. */
const CalendarDate = z.iso.date();

/** An instant's calendar day in UTC, `YYYY-MM-DD`. */
export const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

/** Today's date in UTC as `YYYY-MM-DD`; birth and recording dates are never after it. */
export const todayIso = (now = new Date()) => isoDay(now);

const PastDate = CalendarDate.refine((d) => d <= todayIso(), { message: 'a date that has not come yet' });

const BirthDate = PastDate.refine((d) => Number(d.slice(0, 4)) >= new Date().getUTCFullYear() - MAX_AGE_YEARS, {
  message: `a date of birth within the last ${MAX_AGE_YEARS} years`,
});

const HistoryLine = z.string().trim().min(1).max(120);

export const PregnancyStatus = z.enum(['pregnant', 'not-pregnant', 'breastfeeding']);
export type PregnancyStatus = z.infer<typeof PregnancyStatus>;

/** Pregnancy as recorded on a date: the weeks advance from that date; an old "not pregnant" stops counting. */
export const PregnancyRecord = z.object({
  status: PregnancyStatus,
  /** Weeks of gestation on `recordedOn` (pregnant only). */
  weeks: z.number().int().min(1).max(42).optional(),
  recordedOn: PastDate,
});
export type PregnancyRecord = z.infer<typeof PregnancyRecord>;

export const PatientHistory = z
  .object({
    allergies: z.array(HistoryLine).max(20).default([]),
    /** Conditions the prescribing checks know by name; anything else goes in `otherConditions`. */
    conditions: z
      .array(KnownCondition)
      .max(KnownCondition.options.length)
      .refine((c) => new Set(c).size === c.length, { message: 'each condition once' })
      .default([]),
    otherConditions: z.array(HistoryLine).max(20).default([]),
    medicines: z.array(HistoryLine).max(30).default([]),
    pregnancy: PregnancyRecord.nullable().default(null),
  })
  .meta({ id: 'PatientHistory' });
export type PatientHistory = z.infer<typeof PatientHistory>;
export type PatientHistoryInput = z.input<typeof PatientHistory>;

export const emptyHistory = (): PatientHistory => ({
  allergies: [],
  conditions: [],
  otherConditions: [],
  medicines: [],
  pregnancy: null,
});

const ClinicNumber = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u, 'letters, digits, spaces, dots, slashes or dashes');

const PatientFields = z.object({
  name: z.string().trim().min(1).max(191),
  /** Whole years; give it or the date of birth. */
  age: z.number().int().min(0).max(MAX_AGE_YEARS).optional(),
  birthDate: BirthDate.optional(),
  /** The date of birth was worked out from an age ("about 7 months"), not known. */
  birthDateEstimated: z.boolean().optional(),
  sex: Sex,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,31}$/, 'a phone number has digits, spaces, dashes or brackets, optionally a leading +')
    .optional(),
  temperament: Temperament.optional(),
  /** The clinic's own patient number, unique among the practitioner's patients. */
  clinicNumber: ClinicNumber.optional(),
  history: PatientHistory.optional(),
});

export const PatientCreate = PatientFields.refine((p) => p.age !== undefined || p.birthDate !== undefined, {
  message: 'give the age or the date of birth',
  path: ['age'],
});
export type PatientCreate = z.infer<typeof PatientCreate>;

export const PatientUpdate = PatientFields.partial().extend({
  phone: PatientFields.shape.phone.nullable(),
  temperament: Temperament.nullable().optional(),
  birthDate: BirthDate.nullable().optional(),
  clinicNumber: ClinicNumber.nullable().optional(),
});
export type PatientUpdate = z.infer<typeof PatientUpdate>;

export const PatientView = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Whole years today: from the date of birth when there is one. */
    age: z.number().int(),
    birthDate: CalendarDate.nullable(),
    birthDateEstimated: z.boolean(),
    sex: Sex,
    phone: z.string().nullable(),
    temperament: Temperament.nullable(),
    /** How the Mizaj was set (questionnaire or judgement); null when there is none. */
    temperamentBasis: TemperamentBasis.nullable(),
    clinicNumber: z.string().nullable(),
    history: PatientHistory,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastVisitAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Patient' });
export type PatientView = z.infer<typeof PatientView>;

export const PatientListQuery = z.object({
  /** Part of a name, or a clinic number. */
  q: z.string().trim().max(191).optional(),
});
export type PatientListQuery = z.infer<typeof PatientListQuery>;

const DAY_MS = 86_400_000;

/** Whole days from a calendar day (UTC) to an instant. */
export const daysSince = (day: string, on = new Date()) =>
  Math.floor((on.getTime() - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);

/** Whole years on a day: by the date of birth when there is one, else the age as recorded. */
export function currentAge(p: { age: number; birthDate: string | null | undefined }, on = new Date()): number {
  return p.birthDate ? wholeYearsSince(p.birthDate, on) : p.age;
}

/** Whole years on a day, by the calendar (a birthday counts from its morning). */
export function wholeYearsSince(birthDate: string, on = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return Math.max(0, on.getUTCFullYear() - y - (beforeBirthday ? 1 : 0));
}

/** Age in years with its fraction (six months is 0.5), for the engine's age limits in infants. */
export function yearsSince(birthDate: string, on = new Date()): number {
  return Math.max(0, daysSince(birthDate, on) / 365.25);
}

/** How long a recorded "not pregnant" is believed, and how long after birth breastfeeding is assumed to go on. */
export const NOT_PREGNANT_VALID_DAYS = 30;
export const BREASTFEEDING_VALID_DAYS = 730;

/**
 * What a pregnancy record says on a day: weeks advance from the day it was recorded; a pregnancy past 42 weeks,
 * a "not pregnant" older than a month and a breastfeeding record older than two years say nothing (ask again).
 */
export function pregnancyOn(
  record: PregnancyRecord | null,
  on = new Date(),
): { pregnant?: boolean; pregnancyWeeks?: number; breastfeeding?: boolean } {
  if (!record) return {};
  const days = daysSince(record.recordedOn, on);
  if (days < 0) return {};
  switch (record.status) {
    case 'pregnant': {
      if (record.weeks === undefined) return days <= 280 ? { pregnant: true } : {};
      const weeks = record.weeks + Math.floor(days / 7);
      return weeks <= 42 ? { pregnant: true, pregnancyWeeks: weeks } : {};
    }
    case 'not-pregnant':
      return days <= NOT_PREGNANT_VALID_DAYS ? { pregnant: false } : {};
    case 'breastfeeding':
      return days <= BREASTFEEDING_VALID_DAYS ? { breastfeeding: true } : {};
  }
}
