export type { DetailedAnalysis, SafetyAssessment } from './analyse.ts';
export {
  analyse,
  analyseInDetail,
  assessSafety,
  checkPlan,
  explain,
  NEXT_QUESTIONS_SHOWN,
  visitSafety,
} from './analyse.ts';
export { ancestry, askedCodes, closeUnderHierarchy } from './knowledge/hierarchy.ts';
export * from './model/index.ts';
export * from './nlp/index.ts';
export { checkPrescription, type PrescribedItem } from './safety/prescribing.ts';
export type { FiredRedFlag, PendingRedFlag, RedFlagResult } from './safety/redFlags.ts';
export { parseRuleFinding, redFlags } from './safety/redFlags.ts';
export { SELF_CARE_MAX_DAYS, TRIAGE_ADVICE, triage } from './safety/triage.ts';
export type { TriageMetrics, TriageOutcome } from './safety/triageMetrics.ts';
export { triageMetrics } from './safety/triageMetrics.ts';
export { withVitalFindings } from './safety/vitalFindings.ts';
export type * from './types.ts';
