// De-identified data for researchers: no names, contacts, free text or exact dates. Case records are k-anonymous
// (each identical to at least MIN_REPORTED_COUNT - 1 others but for its pseudonym) and every released count is at
// least MIN_REPORTED_COUNT or null.
import { z } from 'zod';
import { Sex, Temperament } from './vocabulary.ts';

/** Counts smaller than this are suppressed, and case records come in groups of at least this many. */
export const MIN_REPORTED_COUNT = 5;
export const AGE_BAND_YEARS = 5;
/** Ages from here on share one open band ("90+"): few people are that old, so a narrower band would name them. */
export const TOP_AGE_BAND_FROM = 90;

/** A month (YYYY-MM), or a quarter (YYYY-Qn) where months would leave a record in a group under the minimum. */
export const ResearchPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/);

export const ResearchCase = z
  .object({
    /** A keyed pseudonym of the visit and what is released of it; it cannot be computed from the visit's id. */
    caseId: z.string(),
    month: ResearchPeriod,
    /** Five-year bands ("30-34"), with one open top band ("90+"). */
    ageBand: z.string(),
    sex: Sex,
    temperament: Temperament.nullable(),
    presentFindings: z.array(z.string()),
    absentFindings: z.array(z.string()),
    diagnosis: z.string(),
    engineTop: z.string().nullable(),
    engineTop3: z.array(z.string()),
  })
  .meta({ id: 'ResearchCase' });
export type ResearchCase = z.infer<typeof ResearchCase>;

export const ResearchFilter = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'a month as YYYY-MM')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'a month as YYYY-MM')
    .optional(),
  disease: z.string().max(191).optional(),
});
export type ResearchFilter = z.infer<typeof ResearchFilter>;

/** Null (and suppressed) when under MIN_REPORTED_COUNT. */
const Count = z.object({ count: z.number().int().nullable(), suppressed: z.boolean() });

export const ResearchStatistics = z
  .object({
    /** Released case records matching the filter; null when under MIN_REPORTED_COUNT. */
    cases: z.number().int().nullable(),
    diseaseByMonth: z.array(Count.extend({ disease: z.string(), month: z.string() })),
    symptomPairs: z.array(Count.extend({ a: z.string(), b: z.string() })),
    agreement: z.object({
      /** Released records with an engine suggestion; null when under MIN_REPORTED_COUNT. */
      n: z.number().int().nullable(),
      top1: z.number().nullable(),
      top3: z.number().nullable(),
    }),
    minReportedCount: z.number().int(),
    /** The English name of each disease and finding code the figures name, for display. */
    names: z.record(z.string(), z.string()).default({}),
  })
  .meta({ id: 'ResearchStatistics' });
export type ResearchStatistics = z.infer<typeof ResearchStatistics>;
