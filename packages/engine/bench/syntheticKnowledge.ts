// A synthetic knowledge base of the size the engine is built for (~100 diseases × ~300 symptoms), for timing.
import { temperaments } from '@unani/contracts';
import { mulberry32 } from '../src/model/random.ts';
import type { EngineKnowledge } from '../src/types.ts';

/** Each synthetic disease lists this many symptoms (typical of the knowledge base's entries). */
const SYMPTOMS_PER_DISEASE = 12;

export function syntheticKnowledge(diseaseCount: number, symptomCount: number, seed: number): EngineKnowledge {
  const random = mulberry32(seed);
  const symptoms = Array.from({ length: symptomCount }, (_, i) => ({
    code: `symptom-${i}`,
    name: `symptom ${i}`,
    kind: 'symptom' as const,
    terms: [`symptom ${i}`],
  }));
  const diseases = Array.from({ length: diseaseCount }, (_, d) => {
    const chosen = new Set<number>();
    while (chosen.size < SYMPTOMS_PER_DISEASE) chosen.add(Math.floor(random() * symptomCount));
    return {
      code: `disease-${d}`,
      name: `Disease ${d}`,
      englishName: `Disease ${d}`,
      temperaments: [temperaments[d % temperaments.length] as (typeof temperaments)[number]],
      symptoms: [...chosen].map((i, k) => ({
        symptom: `symptom-${i}`,
        likelihood: Math.round((0.2 + 0.75 * random()) * 100) / 100,
        cardinal: k === 0,
      })),
    };
  });
  return { hash: `synthetic-${diseaseCount}x${symptomCount}-${seed}`, symptoms, diseases, redFlags: [] };
}
