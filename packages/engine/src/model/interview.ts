// The next best questions: findings whose answer is expected to narrow the differential most (information gain).

import { symptomNames } from '../knowledge/hierarchy.ts';
import type { EngineKnowledge, Finding } from '../types.ts';
import type { Differential } from './diagnose.ts';
import { LEAK_PROBABILITY, MAX_LIKELIHOOD } from './knowledgeModel.ts';

export interface NextQuestion {
  symptom: string;
  name: string;
  /** Expected fall in the differential's entropy, in bits, once the answer is known. */
  expectedInformationGain: number;
  /** e.g. "separates Zukam from Nazla": the two likely diseases whose expectations differ most. */
  reason: string;
}

type LikelihoodTable = Map<string, Map<string, number>>;
const tables = new WeakMap<EngineKnowledge, LikelihoodTable>();

function likelihoodTable(knowledge: EngineKnowledge): LikelihoodTable {
  let table = tables.get(knowledge);
  if (!table) {
    table = new Map(
      knowledge.diseases.map((d) => [
        d.code,
        new Map(d.symptoms.map((s) => [s.symptom, Math.min(s.likelihood, MAX_LIKELIHOOD)])),
      ]),
    );
    tables.set(knowledge, table);
  }
  return table;
}

function entropyBits(weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  let h = 0;
  for (const w of weights) if (w > 0) h -= (w / total) * Math.log2(w / total);
  return h;
}

/**
 * The `k` symptoms not yet asked whose answer (present or absent) is expected to lower the entropy of the
 * differential most, using the knowledge likelihoods over the differential's current probabilities.
 */
export function nextQuestions(
  findings: readonly Finding[],
  differential: Differential,
  knowledge: EngineKnowledge,
  k: number,
  /** Codes already answered, when more than the findings themselves (e.g. implied by the symptom hierarchy). */
  answered?: ReadonlySet<string>,
): NextQuestion[] {
  const table = likelihoodTable(knowledge);
  const asked = answered ?? new Set(findings.map((f) => f.symptom));
  const entries = differential.entries;
  const prior = entries.map((e) => e.probability);
  const priorEntropy = entropyBits(prior);
  const rows = entries.map((e) => table.get(e.disease.code));
  const candidates = new Set<string>();
  for (const row of rows) for (const code of row?.keys() ?? []) if (!asked.has(code)) candidates.add(code);
  const total = prior.reduce((a, b) => a + b, 0);

  // The gain of every candidate first; the wording of the reason only for the k that are shown.
  const scored: { code: string; p: number[]; gain: number }[] = [];
  for (const code of candidates) {
    const p = rows.map((row) => row?.get(code) ?? LEAK_PROBABILITY);
    const yes = prior.map((w, d) => w * (p[d] as number));
    const no = prior.map((w, d) => w * (1 - (p[d] as number)));
    const pYes = yes.reduce((a, b) => a + b, 0) / total;
    scored.push({ code, p, gain: priorEntropy - pYes * entropyBits(yes) - (1 - pYes) * entropyBits(no) });
  }
  scored.sort((x, y) => y.gain - x.gain || x.code.localeCompare(y.code));

  const names = symptomNames(knowledge);
  const nameOf = (i: number) => entries[i]?.disease.name ?? '';
  return scored.slice(0, k).map(({ code, p, gain }) => {
    // The pair of diseases the answer best tells apart, weighting the difference by how likely both are.
    let pair: [number, number] = [0, 0];
    let spread = -1;
    for (let a = 0; a < p.length; a++) {
      for (let b = 0; b < p.length; b++) {
        const s = ((p[a] as number) - (p[b] as number)) * Math.sqrt((prior[a] as number) * (prior[b] as number));
        if (s > spread) {
          spread = s;
          pair = [a, b];
        }
      }
    }
    const [a, b] = pair;
    return {
      symptom: code,
      name: names.get(code) ?? code,
      expectedInformationGain: gain,
      reason:
        a === b
          ? `checks the leading diagnosis ${nameOf(a)}`
          : `separates ${nameOf(a)} (expected in ${Math.round((p[a] as number) * 100)}%) from ${nameOf(b)} (${Math.round((p[b] as number) * 100)}%)`,
    };
  });
}
