// Red flags: findings (with severity, age and sex limits) that call for urgent referral whatever the differential.
import { type Severity, severities } from '@unani/contracts';
import type { Finding, PatientContext, RedFlagRule } from '../types.ts';

export interface FiredRedFlag {
  code: string;
  message: string;
  urgency: RedFlagRule['urgency'];
  /** The present findings that made the rule fire. */
  triggeredBy: Array<Pick<Finding, 'symptom' | 'name' | 'severity'>>;
  /** Limits that could not be checked because the patient's age or sex is not recorded: confirm them. */
  unverified: Array<'age' | 'sex'>;
}

const rank = (s: Severity) => severities.indexOf(s);

/**
 * The rules that fire: every `all` finding present, at least one `any` finding present (when listed), at least one
 * triggering finding as severe as `minSeverity`, and the patient within the age and sex limits. Only present,
 * certain findings trigger. An age or sex limit that cannot be checked (not recorded) does not silence the rule,
 * since a missed emergency costs more than a needless check: the rule fires and names the limit as unverified.
 */
export function redFlags(
  findings: readonly Finding[],
  context: PatientContext,
  rules: readonly RedFlagRule[],
): FiredRedFlag[] {
  const present = new Map<string, Finding>();
  for (const f of findings) if (f.present && !f.uncertain) present.set(f.symptom, f);
  const fired: FiredRedFlag[] = [];
  for (const rule of rules) {
    const { all, any, minSeverity, ageBelowYears, ageAtLeastYears, sex } = rule.when;
    if (all.length + any.length === 0) continue;
    if (!all.every((code) => present.has(code))) continue;
    const anyHits = any.filter((code) => present.has(code));
    if (any.length > 0 && anyHits.length === 0) continue;
    const triggers = [...all, ...anyHits].map((code) => present.get(code) as Finding);
    if (minSeverity && !triggers.some((f) => f.severity !== undefined && rank(f.severity) >= rank(minSeverity)))
      continue;
    const age = context.ageYears;
    const unverified: FiredRedFlag['unverified'] = [];
    if ((ageBelowYears !== undefined || ageAtLeastYears !== undefined) && age === undefined) unverified.push('age');
    if (age !== undefined && ageBelowYears !== undefined && !(age < ageBelowYears)) continue;
    if (age !== undefined && ageAtLeastYears !== undefined && !(age >= ageAtLeastYears)) continue;
    if (sex !== undefined && context.sex === undefined) unverified.push('sex');
    if (sex !== undefined && context.sex !== undefined && context.sex !== sex) continue;
    fired.push({
      code: rule.code,
      message: rule.message,
      urgency: rule.urgency,
      triggeredBy: triggers.map((f) => ({
        symptom: f.symptom,
        name: f.name,
        ...(f.severity ? { severity: f.severity } : {}),
      })),
      unverified,
    });
  }
  return fired.sort((a, b) => (a.urgency === b.urgency ? 0 : a.urgency === 'emergency' ? -1 : 1));
}
