// The engine's answers as the API returns them: findings, differential, red flags, next questions.
import { z } from 'zod';
import { Severity, Sex, Temperament } from './vocabulary.ts';

export const MAX_COMPLAINT_LENGTH = 5000;

export const FindingView = z
  .object({
    symptom: z.string(),
    name: z.string(),
    present: z.boolean(),
    uncertain: z.boolean().optional(),
    durationDays: z.number().nonnegative().optional(),
    severity: Severity.optional(),
    /** Character offsets [start, end) in the complaint text; absent for picked findings. */
    span: z.tuple([z.number().int(), z.number().int()]).optional(),
  })
  .meta({ id: 'Finding' });
export type FindingView = z.infer<typeof FindingView>;

export const findingOrigins = ['text', 'picked', 'question'] as const;
export const FindingOrigin = z.enum(findingOrigins);

export const FindingInput = z.object({
  symptom: z.string().min(1).max(191),
  present: z.boolean(),
  uncertain: z.boolean().optional(),
  durationDays: z.number().nonnegative().max(36_500).optional(),
  severity: Severity.optional(),
  /** Where the finding came from: parsed from the complaint, picked, or answered to a suggested question. */
  origin: FindingOrigin.optional(),
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
});
export type FindingInput = z.infer<typeof FindingInput>;

export const PatientContextInput = z.object({
  ageYears: z.number().min(0).max(130).optional(),
  sex: Sex.optional(),
  temperament: Temperament.optional(),
});

export const ParseRequest = z.object({ text: z.string().max(MAX_COMPLAINT_LENGTH) });
export const ParseResponse = z.object({ findings: z.array(FindingView) });

export const DiagnoseRequest = z
  .object({
    text: z.string().max(MAX_COMPLAINT_LENGTH).optional(),
    findings: z.array(FindingInput).max(200).optional(),
    context: PatientContextInput.optional(),
  })
  .refine((r) => r.text !== undefined || (r.findings?.length ?? 0) > 0, {
    message: 'give a text, findings, or both',
    path: ['text'],
  });
export type DiagnoseRequest = z.infer<typeof DiagnoseRequest>;

const SymptomRef = z.object({ code: z.string(), name: z.string() });

export const DifferentialEntry = z
  .object({
    disease: z.object({ code: z.string(), name: z.string(), englishName: z.string() }),
    probability: z.number().min(0).max(1),
    supporting: z.array(SymptomRef),
    missing: z.array(SymptomRef),
    against: z.array(SymptomRef),
  })
  .meta({ id: 'DifferentialEntry' });
export type DifferentialEntry = z.infer<typeof DifferentialEntry>;

export const RedFlagView = z
  .object({
    code: z.string(),
    message: z.string(),
    urgency: z.enum(['emergency', 'urgent']),
    findings: z.array(z.string()),
  })
  .meta({ id: 'RedFlag' });

export const NextQuestion = z
  .object({ symptom: z.string(), name: z.string(), reason: z.string(), expectedGain: z.number() })
  .meta({ id: 'NextQuestion' });

export const Analysis = z
  .object({
    findings: z.array(FindingView),
    differential: z.array(DifferentialEntry),
    /** True when no disease stands out enough for the differential to guide a decision. */
    flat: z.boolean(),
    explanation: z.array(z.string()),
    redFlags: z.array(RedFlagView),
    nextQuestions: z.array(NextQuestion),
    modelVersion: z.string(),
    advisory: z.string(),
  })
  .meta({ id: 'Analysis' });
export type Analysis = z.infer<typeof Analysis>;
