// How well triage matches what clinicians expect on a labelled set: the safety figures first (emergencies and
// urgent cases not under-triaged), then over-triage of self-care notes, with the full confusion table.
import { type TriageLevel, triageLevels } from '@unani/contracts';

export interface TriageOutcome {
  id: string;
  expected: TriageLevel;
  got: TriageLevel;
}

export interface TriageMetrics {
  n: number;
  /** Expected emergencies triaged urgent or higher (none below urgent). */
  emergencySensitivity: number;
  /** Expected emergencies triaged emergency. */
  emergencyExact: number;
  /** Expected emergency or urgent, triaged urgent or higher. */
  urgentOrHigherSensitivity: number;
  /** Self-care notes not triaged emergency. */
  selfcareWithoutEmergency: number;
  /** Exactly the expected level. */
  accuracy: number;
  /** Rows: expected level; columns: triaged level. */
  confusion: Record<TriageLevel, Record<TriageLevel, number>>;
  /** Ids of expected emergency or urgent notes triaged consult or selfcare: the misses that matter. */
  underTriaged: string[];
}

const urgentOrHigher = (l: TriageLevel) => l === 'emergency' || l === 'urgent';
const share = (hits: number, of: number) => (of === 0 ? 1 : hits / of);

export function triageMetrics(outcomes: readonly TriageOutcome[]): TriageMetrics {
  const confusion = Object.fromEntries(
    triageLevels.map((e) => [e, Object.fromEntries(triageLevels.map((g) => [g, 0]))]),
  ) as TriageMetrics['confusion'];
  for (const o of outcomes) confusion[o.expected][o.got]++;
  const of = (expected: (l: TriageLevel) => boolean) => outcomes.filter((o) => expected(o.expected));
  const emergencies = of((l) => l === 'emergency');
  const serious = of(urgentOrHigher);
  const selfcare = of((l) => l === 'selfcare');
  return {
    n: outcomes.length,
    emergencySensitivity: share(emergencies.filter((o) => urgentOrHigher(o.got)).length, emergencies.length),
    emergencyExact: share(emergencies.filter((o) => o.got === 'emergency').length, emergencies.length),
    urgentOrHigherSensitivity: share(serious.filter((o) => urgentOrHigher(o.got)).length, serious.length),
    selfcareWithoutEmergency: share(selfcare.filter((o) => o.got !== 'emergency').length, selfcare.length),
    accuracy: share(outcomes.filter((o) => o.got === o.expected).length, outcomes.length),
    confusion,
    underTriaged: serious.filter((o) => !urgentOrHigher(o.got)).map((o) => o.id),
  };
}
