// `pnpm --filter @unani/engine bench`: latency and accuracy of the differential model against a trivial baseline
// (keyword matching + frequency ranking), measured in the same run so the gains are ratios. Prints one JSON object.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  distinctCases,
  kaggleCode,
  kaggleDatasetToKnowledge,
  parseKaggleBinary,
} from '../../knowledge/src/importers/kaggleCsv.ts';
import * as engine from '../src/index.ts';
import { diagnose, type Finding, frequencyRanking, keywordFindings, trainModel } from '../src/index.ts';
import type { EngineKnowledge } from '../src/types.ts';
import { syntheticKnowledge } from './syntheticKnowledge.ts';

/** Each case is timed this many times, so medians and the 99th percentile rest on thousands of samples. */
const REPEATS = 50;
const dir = fileURLToPath(new URL('../../../data/external/kaggle-disease-symptom/', import.meta.url));

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

function summary(samples: number[]) {
  return { medianMs: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99) };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

const knowledge = kaggleDatasetToKnowledge(readFileSync(`${dir}dataset.csv`, 'utf8'));
const training = distinctCases(parseKaggleBinary(readFileSync(`${dir}Training.csv`, 'utf8')));
const testing = parseKaggleBinary(readFileSync(`${dir}Testing.csv`, 'utf8'));
const confirmedCases = training.map((c) => ({
  disease: kaggleCode(c.label),
  findings: c.symptoms.map((symptom) => ({ symptom, present: true })),
}));

const kaggleTrain = await (async () => {
  const started = performance.now();
  const trained = await trainModel(knowledge, { seed: 1, confirmedCases });
  return { ms: performance.now() - started, trained };
})();
const { model } = kaggleTrain.trained;

const synthetic: EngineKnowledge = syntheticKnowledge(100, 300, 1);
const syntheticTrainStarted = performance.now();
const syntheticTrained = await trainModel(synthetic, { seed: 1 });
const syntheticTrainMs = performance.now() - syntheticTrainStarted;

// The NLP parser is measured when the engine provides it.
const nlp = engine as unknown as {
  parse?: (text: string, lexicon: unknown) => unknown;
  buildLexicon?: (knowledge: EngineKnowledge) => unknown;
};
const texts = testing.map((c) => `I have ${c.symptoms.map((s) => s.replace(/-/g, ' ')).join(', ')}`);
let parseStats: { medianMs: number; p99Ms: number } | null = null;
if (typeof nlp.parse === 'function' && typeof nlp.buildLexicon === 'function') {
  const lexicon = nlp.buildLexicon(knowledge);
  const samples: number[] = [];
  for (let r = 0; r < REPEATS; r++) for (const t of texts) samples.push(time(() => nlp.parse?.(t, lexicon)).ms);
  parseStats = summary(samples);
}

const structured = testing.map((c) => ({
  label: kaggleCode(c.label),
  findings: c.symptoms.map((symptom): Finding => ({ symptom, name: symptom, present: true })),
}));
const diagnoseSamples: number[] = [];
const baselineSamples: number[] = [];
const keywordSamples: number[] = [];
let modelTop1 = 0;
let baselineTop1 = 0;
for (let r = 0; r < REPEATS; r++) {
  structured.forEach((c, i) => {
    const d = time(() => diagnose(c.findings, {}, model));
    diagnoseSamples.push(d.ms);
    const b = time(() => frequencyRanking(c.findings, knowledge));
    baselineSamples.push(b.ms);
    keywordSamples.push(time(() => keywordFindings(texts[i] ?? '', knowledge)).ms);
    if (r === 0) {
      if (d.value.entries[0]?.disease.code === c.label) modelTop1++;
      if (b.value[0] === c.label) baselineTop1++;
    }
  });
}

// Harder cases: the same Testing.csv cases with about half of their findings left out.
let modelTop1Partial = 0;
let baselineTop1Partial = 0;
for (const c of structured) {
  const partial = c.findings.filter((_, i) => i % 2 === 0);
  if (diagnose(partial, {}, model).entries[0]?.disease.code === c.label) modelTop1Partial++;
  if (frequencyRanking(partial, knowledge)[0] === c.label) baselineTop1Partial++;
}

// Latency at the intended size: 100 diseases × 300 symptoms, four present and one absent finding per case.
const syntheticSamples: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  for (const disease of synthetic.diseases) {
    const f: Finding[] = disease.symptoms
      .slice(0, 5)
      .map((s, i) => ({ symptom: s.symptom, name: s.symptom, present: i < 4 }));
    syntheticSamples.push(time(() => diagnose(f, { temperament: 'balghami' }, syntheticTrained.model)).ms);
  }
}

const n = structured.length;
const diagnoseStats = summary(diagnoseSamples);
const baselineStats = summary(baselineSamples);
process.stdout.write(
  `${JSON.stringify(
    {
      data: {
        diseases: knowledge.diseases.length,
        symptoms: knowledge.symptoms.length,
        testCases: n,
        repeats: REPEATS,
      },
      backend: model.artifact.backend,
      model: {
        parse: parseStats,
        diagnose: diagnoseStats,
        trainMs: Math.round(kaggleTrain.ms),
        trainMs100x300: Math.round(syntheticTrainMs),
        diagnose100x300: summary(syntheticSamples),
        top1: round(modelTop1 / n),
        top1HalfFindings: round(modelTop1Partial / n),
        heldOut: kaggleTrain.trained.metrics,
        heldOut100x300: { top1: syntheticTrained.metrics.top1, ece: syntheticTrained.metrics.ece },
      },
      baseline: {
        keywordParse: summary(keywordSamples),
        rank: baselineStats,
        top1: round(baselineTop1 / n),
        top1HalfFindings: round(baselineTop1Partial / n),
      },
      ratios: {
        diagnoseMedianOverBaseline: round(diagnoseStats.medianMs / baselineStats.medianMs),
        top1HalfFindingsModelOverBaseline: round(modelTop1Partial / Math.max(baselineTop1Partial, 1)),
      },
    },
    null,
    2,
  )}\n`,
);
