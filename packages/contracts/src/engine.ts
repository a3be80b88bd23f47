// The engine's answers as the API returns them: findings, differential, red flags, next questions.
import { z } from 'zod';
import { KnownCondition, Severity, Sex, Temperament } from './vocabulary.ts';

export const MAX_COMPLAINT_LENGTH = 5000;

/** One finding: parsed from text, picked, answered, or read from a vital sign. The same shape everywhere. */
export const Finding = z
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
export type Finding = z.infer<typeof Finding>;

export const findingOrigins = ['text', 'picked', 'question'] as const;
export const FindingOrigin = z.enum(findingOrigins);
export type FindingOrigin = z.infer<typeof FindingOrigin>;

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

/** Vital signs in the units the rules use; each may come from the note's text or the record. */
export const VitalSigns = z
  .object({
    temperatureC: z.number().min(25).max(45).optional(),
    systolic: z.number().int().min(30).max(300).optional(),
    diastolic: z.number().int().min(10).max(200).optional(),
    pulse: z.number().int().min(10).max(300).optional(),
    respiratoryRate: z.number().int().min(2).max(120).optional(),
    spo2: z.number().min(30).max(100).optional(),
    bloodSugarMgDl: z.number().min(10).max(2000).optional(),
  })
  .meta({ id: 'VitalSigns' });
export type VitalSigns = z.infer<typeof VitalSigns>;

/** What the engine knows of the patient: from the record, the request, or read from the note. */
export const PatientContext = z
  .object({
    ageYears: z.number().min(0).max(130).optional(),
    sex: Sex.optional(),
    temperament: Temperament.optional(),
    pregnant: z.boolean().optional(),
    pregnancyWeeks: z.number().min(0).max(45).optional(),
    breastfeeding: z.boolean().optional(),
    vitals: VitalSigns.optional(),
    /** Long-standing conditions from the patient's record, checked against every prescription. */
    knownConditions: z.array(KnownCondition).optional(),
    /** What the patient is allergic to, as recorded (free text). */
    allergies: z.array(z.string().max(120)).max(20).optional(),
  })
  .meta({ id: 'PatientContext' });
export type PatientContext = z.infer<typeof PatientContext>;

export const PatientContextInput = PatientContext;

export const ParseRequest = z.object({ text: z.string().max(MAX_COMPLAINT_LENGTH) });
export type ParseRequest = z.infer<typeof ParseRequest>;

export const ParseResponse = z.object({
  findings: z.array(Finding),
  /** Age, sex, pregnancy and vital signs read from the text. */
  context: PatientContext.optional(),
});
export type ParseResponse = z.infer<typeof ParseResponse>;

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

/**
 * One finding's weight for a disease. `strength` is the natural log of the finding's likelihood ratio in the
 * knowledge model: P(finding as reported | this disease) over the mean P(finding as reported | each other disease),
 * halved for a finding reported with doubt. Positive raises the disease; exp(strength) is the ratio itself.
 */
export const FindingReason = z
  .object({ symptom: z.string(), name: z.string(), present: z.boolean(), strength: z.number() })
  .meta({ id: 'FindingReason' });
export type FindingReason = z.infer<typeof FindingReason>;

/** Why a disease is in the differential, at a glance. */
export const DifferentialWhy = z
  .object({
    /** Up to three findings that raised the disease most, strongest first. */
    raisedBy: z.array(FindingReason),
    /** The finding that argues against it most, when any does. */
    against: FindingReason.optional(),
    /**
     * The patient's Mizaj, when it moved the disease: `strength` is the natural log of P(Mizaj | this disease) over
     * the mean P(Mizaj | each other disease) in the knowledge model (positive supports, negative weighs against).
     */
    mizaj: z.object({ temperament: Temperament, strength: z.number() }).optional(),
    /**
     * Each model's part in the disease's support: its ensemble weight times the probability it alone gave the
     * disease, normalised so the three add up to 1.
     */
    shares: z.object({
      knowledge: z.number().min(0).max(1),
      tree: z.number().min(0).max(1),
      network: z.number().min(0).max(1),
    }),
  })
  .meta({ id: 'DifferentialWhy' });
export type DifferentialWhy = z.infer<typeof DifferentialWhy>;

export const DifferentialEntry = z
  .object({
    disease: z.object({ code: z.string(), name: z.string(), englishName: z.string() }),
    probability: z.number().min(0).max(1),
    supporting: z.array(SymptomRef),
    missing: z.array(SymptomRef),
    against: z.array(SymptomRef),
    /** Absent from analyses stored before it was computed. */
    why: DifferentialWhy.optional(),
  })
  .meta({ id: 'DifferentialEntry' });
export type DifferentialEntry = z.infer<typeof DifferentialEntry>;

export const RedFlagView = z
  .object({
    code: z.string(),
    message: z.string(),
    /** The message in one short line (at most 139 characters), when the message itself is longer. */
    summary: z.string().optional(),
    urgency: z.enum(['emergency', 'urgent']),
    findings: z.array(z.string()),
  })
  .meta({ id: 'RedFlag' });
export type RedFlagView = z.infer<typeof RedFlagView>;

/**
 * How soon the patient needs care: `emergency` go to an emergency department now, `urgent` see a doctor
 * within 24 hours, `consult` a routine visit, `selfcare` home care with advice.
 */
export const triageLevels = ['emergency', 'urgent', 'consult', 'selfcare'] as const;
export const TriageLevel = z.enum(triageLevels);
export type TriageLevel = z.infer<typeof TriageLevel>;

export const Triage = z
  .object({
    level: TriageLevel,
    /** The rules and findings behind the level, most urgent first. */
    reasons: z.array(z.object({ code: z.string(), text: z.string(), findings: z.array(z.string()) })),
    /** What to do, in plain words, in English and in Urdu. */
    advice: z.string(),
    adviceUrdu: z.string(),
    /** Facts that could raise the level if known (e.g. the age, for a rule about infants): ask for them. */
    ask: z.array(z.object({ field: z.enum(['age', 'sex', 'pregnancy']), reason: z.string() })),
  })
  .meta({ id: 'Triage' });
export type Triage = z.infer<typeof Triage>;

export const NextQuestion = z
  .object({ symptom: z.string(), name: z.string(), reason: z.string(), expectedGain: z.number() })
  .meta({ id: 'NextQuestion' });
export type NextQuestion = z.infer<typeof NextQuestion>;

/**
 * A visit's triage and red flags as its record stands now (findings, vital signs, the patient's record), without
 * the differential: what the visit screen shows while findings are added, before and after "Analyse".
 */
export const VisitSafety = z
  .object({
    triage: Triage,
    redFlags: z.array(RedFlagView),
    advisory: z.string(),
  })
  .meta({ id: 'VisitSafety' });
export type VisitSafety = z.infer<typeof VisitSafety>;

export const Analysis = z
  .object({
    findings: z.array(Finding),
    /** The context the analysis used: the record's, completed from the text. */
    context: PatientContext.optional(),
    triage: Triage,
    differential: z.array(DifferentialEntry),
    /** True when no disease stands out enough for the differential to guide a decision. */
    flat: z.boolean(),
    /**
     * True when fewer than three informative findings were reported (known to the knowledge base, stated without
     * doubt, listed by some disease): the picture is incomplete; ask the suggested questions before relying on it.
     */
    incomplete: z.literal(true).optional(),
    /**
     * True when no disease in the knowledge base explains the findings well: a long complaint of which almost nothing
     * could be read, or complaints the leading diseases mostly do not list. The differential is then the least bad,
     * not a likely one.
     */
    outsideKnowledge: z.literal(true).optional(),
    explanation: z.array(z.string()),
    redFlags: z.array(RedFlagView),
    nextQuestions: z.array(NextQuestion),
    modelVersion: z.string(),
    advisory: z.string(),
  })
  .meta({ id: 'Analysis' });
export type Analysis = z.infer<typeof Analysis>;
