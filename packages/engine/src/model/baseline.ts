// The trivial baseline the models are measured against: keyword matching of symptom terms and ranking diseases by
// how many reported findings they list (ties by summed likelihood). No negation, no learning.
import type { EngineKnowledge, Finding } from '../types.ts';

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new WeakMap<EngineKnowledge, Array<{ code: string; name: string; pattern: RegExp }>>();

/** Present findings for every symptom term that occurs in the text as whole words (case-insensitive). */
export function keywordFindings(text: string, knowledge: EngineKnowledge): Finding[] {
  let list = patterns.get(knowledge);
  if (!list) {
    list = knowledge.symptoms.map((s) => ({
      code: s.code,
      name: s.name,
      pattern: new RegExp(
        `(^|[^\\p{L}\\p{N}])(${[s.name, ...s.terms].map(escapeRegExp).join('|')})($|[^\\p{L}\\p{N}])`,
        'iu',
      ),
    }));
    patterns.set(knowledge, list);
  }
  return list.filter((s) => s.pattern.test(text)).map((s) => ({ symptom: s.code, name: s.name, present: true }));
}

/** Disease codes ranked by the number of present findings they list, then by the sum of those likelihoods. */
export function frequencyRanking(findings: readonly Finding[], knowledge: EngineKnowledge): string[] {
  const present = new Set(findings.filter((f) => f.present).map((f) => f.symptom));
  return knowledge.diseases
    .map((d, order) => {
      let hits = 0;
      let mass = 0;
      for (const s of d.symptoms) {
        if (present.has(s.symptom)) {
          hits++;
          mass += s.likelihood;
        }
      }
      return { code: d.code, hits, mass, order };
    })
    .sort((a, b) => b.hits - a.hits || b.mass - a.mass || a.order - b.order)
    .map((d) => d.code);
}
