// Red flags: findings (with severity, age, sex and pregnancy limits) that call for urgent referral whatever the
// differential. Callers pass findings closed under the symptom hierarchy, so a rule asking for `fever` also fires on
// `high-fever`.
import { type Severity, severities } from '@unani/contracts';
import type { Finding, PatientContext, RedFlagRule } from '../types.ts';

export interface FiredRedFlag {
  code: string;
  message: string;
  /** The message in one short line, when the rule gives one. */
  summary?: string;
  messageUrdu?: string;
  urgency: RedFlagRule['urgency'];
  /** The present findings that made the rule fire. */
  triggeredBy: Array<Pick<Finding, 'symptom' | 'name' | 'severity'>>;
  /** Limits that could not be checked because they are not recorded (sex, weeks of pregnancy): confirm them. */
  unverified: Array<'sex' | 'pregnancyWeeks'>;
}

/** A rule whose findings are all there but which needs a fact nobody recorded: the answer asks for it. */
export interface PendingRedFlag {
  code: string;
  urgency: RedFlagRule['urgency'];
  needs: 'age' | 'pregnancy';
}

export interface RedFlagResult {
  fired: FiredRedFlag[];
  pending: PendingRedFlag[];
}

const rank = (s: Severity) => severities.indexOf(s);

const parsedRefs = new Map<string, { code: string; minSeverity?: Severity }>();

/** A rule names a finding as `code`, or `code@severity` for "at least this severe" (read once per reference). */
export function parseRuleFinding(ref: string): { code: string; minSeverity?: Severity } {
  let parsed = parsedRefs.get(ref);
  if (!parsed) {
    const [code, severity] = ref.split('@') as [string, string | undefined];
    parsed =
      severity && (severities as readonly string[]).includes(severity)
        ? { code, minSeverity: severity as Severity }
        : { code };
    parsedRefs.set(ref, parsed);
  }
  return parsed;
}

/** Ages outside which a pregnancy is not asked about (WHO counts women of reproductive age as 15–49; wider here). */
const CHILDBEARING_AGE_YEARS: [number, number] = [10, 55];

/** False for a man, a child under 10 or a woman over 55: a pregnancy need not be asked about or warned of. */
export function couldBePregnant(context: Pick<PatientContext, 'sex' | 'ageYears'>): boolean {
  if (context.sex === 'male') return false;
  const age = context.ageYears;
  return age === undefined || (age >= CHILDBEARING_AGE_YEARS[0] && age <= CHILDBEARING_AGE_YEARS[1]);
}

const rulesByFinding = new WeakMap<readonly RedFlagRule[], ReadonlyMap<string, readonly number[]>>();

/**
 * For each finding code, the positions of the rules whose `all` or `any` names it, built once per rule list. A rule
 * can fire (or wait for a fact) only when one of those findings is present, so a visit checks only the rules of its
 * findings, in the rules' own order: a few of the knowledge base's 258.
 */
function rulesIndex(rules: readonly RedFlagRule[]): ReadonlyMap<string, readonly number[]> {
  let index = rulesByFinding.get(rules);
  if (!index) {
    const built = new Map<string, number[]>();
    rules.forEach((rule, position) => {
      const codes = new Set([...rule.when.all, ...rule.when.any].map((ref) => parseRuleFinding(ref).code));
      for (const code of codes) {
        const positions = built.get(code);
        if (positions) positions.push(position);
        else built.set(code, [position]);
      }
    });
    index = built;
    rulesByFinding.set(rules, index);
  }
  return index;
}

/** The positions of the rules that name one of `codes` in `all` or `any`, ascending. */
function candidateRules(rules: readonly RedFlagRule[], codes: Iterable<string>): number[] {
  const index = rulesIndex(rules);
  const positions = new Set<number>();
  for (const code of codes) for (const position of index.get(code) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b);
}

function isPregnant(context: PatientContext, present: ReadonlyMap<string, Finding>): boolean | undefined {
  if (present.has('pregnancy')) return true;
  return context.pregnant;
}

/**
 * The rules that fire: every `all` finding present, at least one `any` finding present (when listed), no `none`
 * finding present, a trigger as severe as `minSeverity`, and the patient within the limits. Present findings trigger,
 * suspected ones included; only certain ones exclude. A rule limited by age never fires on an unknown age, nor a pregnancy rule on an unknown pregnancy:
 * it is returned as pending so the answer asks for the fact. A sex limit or a gestation that is not recorded does not
 * silence a rule (a missed emergency costs more than a needless check): it fires and names the limit as unverified.
 */
export function redFlags(
  findings: readonly Finding[],
  context: PatientContext,
  rules: readonly RedFlagRule[],
): RedFlagResult {
  // A suspected danger ("?meningitis", "bite, vaccine pata nahi") triggers like a stated one; only a certain
  // finding may silence a rule through `none`.
  const present = new Map<string, Finding>();
  const certain = new Map<string, Finding>();
  for (const f of findings) {
    if (!f.present) continue;
    if (!present.get(f.symptom) || present.get(f.symptom)?.uncertain) present.set(f.symptom, f);
    if (!f.uncertain) certain.set(f.symptom, f);
  }
  const lookUp = (ref: string, among: ReadonlyMap<string, Finding>) => {
    const { code, minSeverity } = parseRuleFinding(ref);
    const f = among.get(code);
    if (!f) return undefined;
    if (minSeverity && (f.severity === undefined || rank(f.severity) < rank(minSeverity))) return undefined;
    return f;
  };
  const has = (ref: string) => lookUp(ref, present);
  const pregnant = isPregnant(context, certain);
  const fired: FiredRedFlag[] = [];
  const pending: PendingRedFlag[] = [];
  for (const position of candidateRules(rules, present.keys())) {
    const rule = rules[position] as RedFlagRule;
    const { all, any, none, minSeverity, ageBelowYears, ageAtLeastYears, sex } = rule.when;
    if (all.length + any.length === 0) continue;
    if (!all.every((ref) => has(ref))) continue;
    const anyHits = any.flatMap((ref) => has(ref) ?? []);
    if (any.length > 0 && anyHits.length === 0) continue;
    if ((none ?? []).some((ref) => lookUp(ref, certain))) continue;
    const triggers = [...all.map((ref) => has(ref) as Finding), ...anyHits];
    if (minSeverity && !triggers.some((f) => f.severity !== undefined && rank(f.severity) >= rank(minSeverity)))
      continue;
    const days = rule.when.durationAtLeastDays;
    if (days !== undefined && !triggers.some((f) => (f.durationDays ?? 0) >= days)) continue;

    const age = context.ageYears;
    if (ageBelowYears !== undefined || ageAtLeastYears !== undefined) {
      if (age === undefined) {
        pending.push({ code: rule.code, urgency: rule.urgency, needs: 'age' });
        continue;
      }
      if (ageBelowYears !== undefined && !(age < ageBelowYears)) continue;
      if (ageAtLeastYears !== undefined && !(age >= ageAtLeastYears)) continue;
    }
    if (rule.when.pregnant) {
      if (pregnant === undefined && couldBePregnant(context)) {
        pending.push({ code: rule.code, urgency: rule.urgency, needs: 'pregnancy' });
        continue;
      }
      if (!pregnant) continue;
    }
    const unverified: FiredRedFlag['unverified'] = [];
    const knownSex = context.sex ?? (pregnant ? 'female' : undefined);
    if (sex !== undefined && knownSex === undefined) unverified.push('sex');
    if (sex !== undefined && knownSex !== undefined && knownSex !== sex) continue;
    const { pregnancyWeeksAtLeast: fromWeeks, pregnancyWeeksBelow: beforeWeeks } = rule.when;
    const gestation = context.pregnancyWeeks;
    if ((fromWeeks !== undefined || beforeWeeks !== undefined) && gestation === undefined)
      unverified.push('pregnancyWeeks');
    if (fromWeeks !== undefined && gestation !== undefined && gestation < fromWeeks) continue;
    if (beforeWeeks !== undefined && gestation !== undefined && gestation >= beforeWeeks) continue;

    const unique = [...new Map(triggers.map((f) => [f.symptom, f])).values()];
    fired.push({
      code: rule.code,
      message: rule.message,
      ...(rule.summary ? { summary: rule.summary } : {}),
      ...(rule.messageUrdu ? { messageUrdu: rule.messageUrdu } : {}),
      urgency: rule.urgency,
      triggeredBy: unique.map((f) => ({
        symptom: f.symptom,
        name: f.name,
        ...(f.severity ? { severity: f.severity } : {}),
      })),
      unverified,
    });
  }
  const byUrgency = (a: { urgency: string }, b: { urgency: string }) =>
    a.urgency === b.urgency ? 0 : a.urgency === 'emergency' ? -1 : 1;
  return { fired: fired.sort(byUrgency), pending: pending.sort(byUrgency) };
}
