// The symptom hierarchy (is-a): a specific finding implies its general parents, so `high-fever` counts as `fever`
// and `neck-rigidity` as `neck-stiffness` wherever a rule or question asks for the general one.
import { type Severity, severities } from '@unani/contracts';
import type { EngineKnowledge, Finding } from '../types.ts';

export type Ancestry = ReadonlyMap<string, readonly string[]>;

const ancestries = new WeakMap<EngineKnowledge, Ancestry>();
const nameTables = new WeakMap<EngineKnowledge, ReadonlyMap<string, string>>();

/** Symptom code → name, built once per knowledge base (findings the engine adds need their names). */
export function symptomNames(knowledge: EngineKnowledge): ReadonlyMap<string, string> {
  let names = nameTables.get(knowledge);
  if (!names) {
    names = new Map(knowledge.symptoms.map((s) => [s.code, s.name]));
    nameTables.set(knowledge, names);
  }
  return names;
}

/** Every ancestor of every symptom (transitively), computed once per knowledge base. Cycles are cut. */
export function ancestry(knowledge: EngineKnowledge): Ancestry {
  const cached = ancestries.get(knowledge);
  if (cached) return cached;
  const parents = new Map(knowledge.symptoms.map((s) => [s.code, s.parents ?? []]));
  const result = new Map<string, string[]>();
  for (const { code } of knowledge.symptoms) {
    const seen = new Set<string>();
    const stack = [...(parents.get(code) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === code || seen.has(next)) continue;
      seen.add(next);
      stack.push(...(parents.get(next) ?? []));
    }
    if (seen.size > 0) result.set(code, [...seen]);
  }
  ancestries.set(knowledge, result);
  return result;
}

/** The graver of two gradings (mild < moderate < severe); a missing grading counts as none. */
export function graver(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return severities.indexOf(a) >= severities.indexOf(b) ? a : b;
}

/**
 * The findings with every implied parent added as present (a child present ⇒ its parents present), keeping the
 * most severe grading and the longest duration among the children. Findings already stated keep their own answer:
 * "throbbing headache, no headache" is left for the practitioner to resolve, not overwritten.
 */
export function closeUnderHierarchy(findings: readonly Finding[], knowledge: EngineKnowledge): Finding[] {
  const up = ancestry(knowledge);
  const names = symptomNames(knowledge);
  const stated = new Set(findings.map((f) => f.symptom));
  const implied = new Map<string, Finding>();
  for (const f of findings) {
    if (!f.present || f.uncertain) continue;
    for (const parent of up.get(f.symptom) ?? []) {
      if (stated.has(parent)) continue;
      const before = implied.get(parent);
      const finding: Finding = before ?? { symptom: parent, name: names.get(parent) ?? parent, present: true };
      const severity = graver(finding.severity, f.severity);
      if (severity) finding.severity = severity;
      if (f.durationDays !== undefined && (finding.durationDays ?? -1) < f.durationDays)
        finding.durationDays = f.durationDays;
      implied.set(parent, finding);
    }
  }
  return [...findings, ...implied.values()];
}

/**
 * Codes whose answer is already known: those stated, the parents of present findings, and the descendants of absent
 * ones ("no headache" answers "throbbing headache?").
 */
export function askedCodes(findings: readonly Finding[], knowledge: EngineKnowledge): Set<string> {
  const up = ancestry(knowledge);
  const asked = new Set(findings.map((f) => f.symptom));
  const absent = new Set(findings.filter((f) => !f.present && !f.uncertain).map((f) => f.symptom));
  for (const f of findings) if (f.present && !f.uncertain) for (const p of up.get(f.symptom) ?? []) asked.add(p);
  if (absent.size > 0) for (const [code, parents] of up) if (parents.some((p) => absent.has(p))) asked.add(code);
  return asked;
}

/**
 * The findings as the differential reads them: closed upward (a child present ⇒ its parents present) and downward
 * for denials (no fever ⇒ no high fever), so "high fever" supports every disease that lists fever and "no fever"
 * counts against those that list only high fever. Stated findings keep their own answer.
 */
export function closeForDifferential(findings: readonly Finding[], knowledge: EngineKnowledge): Finding[] {
  const up = ancestry(knowledge);
  const names = symptomNames(knowledge);
  const closed = closeUnderHierarchy(findings, knowledge);
  const denied = new Set(findings.filter((f) => !f.present && !f.uncertain).map((f) => f.symptom));
  if (denied.size === 0) return closed;
  const known = new Set(closed.map((f) => f.symptom));
  for (const [code, parents] of up) {
    if (known.has(code) || !parents.some((p) => denied.has(p))) continue;
    closed.push({ symptom: code, name: names.get(code) ?? code, present: false });
    known.add(code);
  }
  return closed;
}
