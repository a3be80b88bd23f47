// Times `parse` on a typical 60-word note and prints JSON: median microseconds per note, and the ratio to the
// keyword-matching baseline measured in the same run. Run: pnpm exec tsx packages/engine/src/nlp/bench/parseSpeed.ts
import { keywordFindings } from '../../model/baseline.ts';
import type { EngineKnowledge, EngineSymptom } from '../../types.ts';
import { LAY_TERMS } from '../layLexicon.ts';
import { buildLexicon } from '../lexicon.ts';
import { parse } from '../parse.ts';
import { createSymptomKnowledge } from '../testing/symptomKnowledge.ts';

/** Runs per measurement; enough for a stable median without making the script slow. */
const RUNS = 5_000;
const WARM_UP_RUNS = 500;

const NOTE =
  'Pt 45M c/o severe headahce and nausea since 2 weeks, worse in the morning. Also pet mein dard after meals, ' +
  'sour burps and constipation x 1 month. No fever, denies vomiting; bukhar nahi hai. Appetite poor, sleep ' +
  'disturbed. Occasional coughing and chheenk aur bandh naak x3d. Denies chest pain or breathlessness. ?migraine. ' +
  'Itchy rash on arms for a few days, mild.';

/** The fixture plus one symptom per lay concept: a lexicon of the size of the project's knowledge base. */
function benchKnowledge(): EngineKnowledge {
  const fixture = createSymptomKnowledge();
  const known = new Set(fixture.symptoms.map((s) => s.name.toLowerCase()));
  const extra: EngineSymptom[] = Object.keys(LAY_TERMS)
    .filter((name) => !known.has(name))
    .map((name) => ({ code: name.replace(/\s+/g, '-'), name, kind: 'symptom', terms: [name] }));
  return createSymptomKnowledge(extra);
}

function medianMicroseconds(run: () => unknown): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return (times[Math.floor(times.length / 2)] as number) * 1000;
}

const knowledge = benchKnowledge();
const buildStart = performance.now();
const lexicon = buildLexicon(knowledge);
const buildMs = performance.now() - buildStart;
const parseUs = medianMicroseconds(() => parse(NOTE, lexicon));
const keywordUs = medianMicroseconds(() => keywordFindings(NOTE, knowledge));

console.log(
  JSON.stringify({
    symptoms: knowledge.symptoms.length,
    noteWords: NOTE.split(/\s+/).length,
    findings: parse(NOTE, lexicon).length,
    buildLexiconMs: Math.round(buildMs * 10) / 10,
    parseMedianUs: Math.round(parseUs * 10) / 10,
    keywordBaselineMedianUs: Math.round(keywordUs * 10) / 10,
    parseToKeywordRatio: Math.round((parseUs / keywordUs) * 100) / 100,
  }),
);
