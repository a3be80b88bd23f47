// De-identified data for researchers: no names, contacts, free text or exact dates; ages in 5-year bands;
// counts under 5 suppressed in aggregates.
import { z } from 'zod';
import { Sex, Temperament } from './vocabulary.ts';

/** Aggregate cells smaller than this are suppressed, so that no patient can be singled out. */
export const MIN_REPORTED_COUNT = 5;
export const AGE_BAND_YEARS = 5;

export const ResearchCase = z
  .object({
    /** A stable pseudonym of the visit, not its id. */
    caseId: z.string(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
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

const Count = z.object({ count: z.number().int().nullable(), suppressed: z.boolean() });

export const ResearchStatistics = z
  .object({
    cases: z.number().int(),
    diseaseByMonth: z.array(Count.extend({ disease: z.string(), month: z.string() })),
    symptomPairs: z.array(Count.extend({ a: z.string(), b: z.string() })),
    agreement: z.object({
      n: z.number().int(),
      top1: z.number().nullable(),
      top3: z.number().nullable(),
    }),
    minReportedCount: z.number().int(),
  })
  .meta({ id: 'ResearchStatistics' });
export type ResearchStatistics = z.infer<typeof ResearchStatistics>;
