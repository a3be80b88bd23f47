// A patient's Mizaj as assessed over time: by the Ajnas-e-Ashra questionnaire, or set by the practitioner's judgement.
import { z } from 'zod';
import { mizajQuestions, NOT_KNOWN } from './mizaj/questionnaire.ts';
import { Temperament } from './vocabulary.ts';

export const mizajMethods = ['questionnaire', 'judgement'] as const;
export const MizajMethod = z.enum(mizajMethods);
export type MizajMethod = z.infer<typeof MizajMethod>;

const answerOf = (question: (typeof mizajQuestions)[number]) =>
  z.enum([NOT_KNOWN, ...question.answers.map((a): string => a.id)] as [string, ...string[]]).optional();

/** One answer per question, by id; a question left out or answered "not-known" is not counted. */
export const MizajAnswers = z
  .strictObject(Object.fromEntries(mizajQuestions.map((q) => [q.id, answerOf(q)])))
  .meta({ id: 'MizajAnswers' });

export const MizajAssessmentCreate = z.object({ answers: MizajAnswers });
export type MizajAssessmentCreate = z.infer<typeof MizajAssessmentCreate>;

export const MizajAssessmentView = z
  .object({
    id: z.string(),
    method: MizajMethod,
    /** The Mizaj it gave the patient; null when a judgement cleared it. */
    temperament: Temperament.nullable(),
    /** 0–1 for a questionnaire (see scoreMizaj); null for a judgement. */
    confidence: z.number().min(0).max(1).nullable(),
    /** Sums of the answers' leans: above 0 hot / moist, below 0 cold / dry. Null for a judgement. */
    hotCold: z.number().nullable(),
    moistDry: z.number().nullable(),
    answered: z.number().int().nullable(),
    answers: z.record(z.string(), z.string()).nullable(),
    /** Which version of the questions the answers refer to. */
    questionnaire: z.string().nullable(),
    assessedAt: z.iso.datetime(),
  })
  .meta({ id: 'MizajAssessment' });
export type MizajAssessmentView = z.infer<typeof MizajAssessmentView>;

/**
 * How the patient's current Mizaj was set: by the questionnaire (with its date and confidence) or by judgement
 * (dated when it was set through the record; undated for a Mizaj recorded before assessments were kept).
 */
export const TemperamentBasis = z
  .object({
    method: MizajMethod,
    assessedAt: z.iso.datetime().nullable(),
    confidence: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: 'TemperamentBasis' });
export type TemperamentBasis = z.infer<typeof TemperamentBasis>;
