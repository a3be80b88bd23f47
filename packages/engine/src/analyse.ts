// The engine's one entry point for a visit: findings and context in, the whole Analysis out (triage and red flags,
// differential, explanation, next questions). The API, the CLI and the evaluation all call this.
import {
  ADVISORY_NOTICE,
  type Analysis,
  type PrescribingWarning,
  type RedFlagView,
  type Triage,
  type VisitSafety,
} from '@unani/contracts';
import { askedCodes, closeUnderHierarchy } from './knowledge/hierarchy.ts';
import type { DiagnosisModel } from './model/artifact.ts';
import { type Differential, diagnose, MIN_INFORMATIVE_FINDINGS } from './model/diagnose.ts';
import { isOutsideKnowledge } from './model/fit.ts';
import { type NextQuestion as NextQuestionDetail, nextQuestions } from './model/interview.ts';
import { checkPrescription, type PrescribedItem } from './safety/prescribing.ts';
import { type RedFlagResult, redFlags } from './safety/redFlags.ts';
import { triage } from './safety/triage.ts';
import { withVitalFindings } from './safety/vitalFindings.ts';
import type { EngineKnowledge, Finding, PatientContext } from './types.ts';

/** Suggested questions returned with an analysis. */
export const NEXT_QUESTIONS_SHOWN = 5;

const capitalised = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** The plain-words reasons for the leading diagnosis (its findings, then the Mizaj), then the decision tree's path. */
export function explain(differential: Differential): string[] {
  const mizaj = differential.entries[0]?.why.mizaj;
  return [
    ...differential.explanation.topFindings.map(
      (f) =>
        `${f.name} ${f.present ? 'present' : 'absent'} ${f.weight >= 0 ? 'supports' : 'weighs against'} the leading diagnosis`,
    ),
    ...(mizaj
      ? [
          `${capitalised(mizaj.temperament)} Mizaj ${mizaj.strength > 0 ? 'supports' : 'weighs against'} the leading diagnosis`,
        ]
      : []),
    ...(differential.explanation.treePath.length
      ? [`Decision tree: ${differential.explanation.treePath.join(' → ')}`]
      : []),
  ];
}

const symptomRef = (f: { symptom: string; name: string }) => ({ code: f.symptom, name: f.name });

/** Pregnancy as the findings state it, when the context does not already say. */
function withPregnancy(context: PatientContext, findings: readonly Finding[]): PatientContext {
  if (context.pregnant !== undefined) return context;
  const stated = findings.find((f) => f.symptom === 'pregnancy' && !f.uncertain);
  if (!stated) return context;
  return { ...context, pregnant: stated.present, ...(stated.present && !context.sex ? { sex: 'female' } : {}) };
}

/** The analysis with the engine's own detail (component scores, unverified limits, pending rules) for audit. */
export interface DetailedAnalysis {
  analysis: Analysis;
  differential: Differential;
  redFlags: RedFlagResult;
  nextQuestions: NextQuestionDetail[];
}

/**
 * Analyses one visit. Vital signs in the context become findings; the findings are closed under the symptom
 * hierarchy for the safety rules and the questions; triage and red flags never depend on the differential.
 * `complaint`, the text the findings were partly read from, tells how much of what was written could be read.
 */
export function analyse(
  findings: readonly Finding[],
  context: PatientContext,
  model: DiagnosisModel,
  complaint?: string,
): Analysis {
  return analyseInDetail(findings, context, model, complaint).analysis;
}

/** The safety half of an analysis, which needs no trained model: vital signs as findings, red flags, triage. */
export interface SafetyAssessment {
  /** The findings with the vital signs' graded findings added. */
  findings: Finding[];
  /** The context with pregnancy as the findings state it. */
  context: PatientContext;
  /** The findings closed under the symptom hierarchy, as the rules and questions see them. */
  closed: Finding[];
  redFlags: RedFlagResult;
  triage: Triage;
}

function redFlagViews(flags: RedFlagResult): RedFlagView[] {
  return flags.fired.map((r) => ({
    code: r.code,
    message: r.message,
    ...(r.summary ? { summary: r.summary } : {}),
    urgency: r.urgency,
    findings: r.triggeredBy.map((t) => t.symptom),
  }));
}

/** Triage and red flags alone, for a visit whose findings are still being added (no model needed). */
export function visitSafety(
  findings: readonly Finding[],
  context: PatientContext,
  knowledge: EngineKnowledge,
): VisitSafety {
  const safety = assessSafety(findings, context, knowledge);
  return { triage: safety.triage, redFlags: redFlagViews(safety.redFlags), advisory: ADVISORY_NOTICE };
}

export function assessSafety(
  findings: readonly Finding[],
  context: PatientContext,
  knowledge: EngineKnowledge,
): SafetyAssessment {
  const withVitals = withVitalFindings(findings, context, knowledge);
  const patient = withPregnancy(context, withVitals);
  const closed = closeUnderHierarchy(withVitals, knowledge);
  const flags = redFlags(closed, patient, knowledge.redFlags);
  return {
    findings: withVitals,
    context: patient,
    closed,
    redFlags: flags,
    triage: triage(closed, patient, flags, knowledge),
  };
}

export function analyseInDetail(
  findings: readonly Finding[],
  context: PatientContext,
  model: DiagnosisModel,
  complaint?: string,
): DetailedAnalysis {
  const { knowledge } = model;
  const safety = assessSafety(findings, context, knowledge);
  const { findings: withVitals, context: patient, closed, redFlags: flags } = safety;
  const differential = diagnose(withVitals, patient, model);
  const questions = nextQuestions(closed, differential, knowledge, NEXT_QUESTIONS_SHOWN, askedCodes(closed, knowledge));
  const analysis: Analysis = {
    findings: withVitals,
    context: patient,
    triage: safety.triage,
    differential: differential.entries.map((e) => ({
      disease: e.disease,
      probability: e.probability,
      supporting: e.supporting.map(symptomRef),
      missing: e.missing.map(symptomRef),
      against: e.against.map(symptomRef),
      why: e.why,
    })),
    flat: differential.flat,
    ...(differential.informativeFindings < MIN_INFORMATIVE_FINDINGS ? { incomplete: true as const } : {}),
    ...(isOutsideKnowledge(differential.fit, findings, complaint) ? { outsideKnowledge: true as const } : {}),
    explanation: explain(differential),
    redFlags: redFlagViews(flags),
    nextQuestions: questions.map((q) => ({
      symptom: q.symptom,
      name: q.name,
      reason: q.reason,
      expectedGain: q.expectedInformationGain,
    })),
    modelVersion: model.artifact.version,
    advisory: ADVISORY_NOTICE,
  };
  return { analysis, differential, redFlags: flags, nextQuestions: questions };
}

/**
 * Prescribing warnings for each plan item, against the same view of the patient as the analysis: vital signs as
 * findings, the symptom hierarchy closed, pregnancy from the findings; and the visit's confirmed disease, if any.
 */
export function checkPlan(
  items: readonly PrescribedItem[],
  findings: readonly Finding[],
  context: PatientContext,
  knowledge: EngineKnowledge,
  diseaseCode?: string,
): PrescribingWarning[][] {
  const withVitals = withVitalFindings(findings, context, knowledge);
  const closed = closeUnderHierarchy(withVitals, knowledge);
  return checkPrescription(items, withPregnancy(context, withVitals), closed, knowledge, diseaseCode);
}
