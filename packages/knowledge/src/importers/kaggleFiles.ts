// Reads the Kaggle "Disease Symptom Prediction" files from disk; the parsing itself is in kaggleCsv.ts.
import { readFileSync } from 'node:fs';
import type { EngineKnowledge } from '@unani/engine';
import {
  distinctCases,
  type KaggleCase,
  kaggleCasesToKnowledge,
  parseKaggleBinary,
  parseKaggleDataset,
} from './kaggleCsv.ts';

/** Knowledge from a CSV in the `Disease,Symptom_1..17` shape, or from a binary table with a `prognosis` column. */
export function readKaggleKnowledge(path: string): EngineKnowledge {
  const text = readFileSync(path, 'utf8');
  return kaggleCasesToKnowledge(
    isBinaryTable(text) ? distinctCases(parseKaggleBinary(text)) : parseKaggleDataset(text),
  );
}

/** Cases from either Kaggle shape (duplicates removed for dataset.csv, kept for the binary tables). */
export function readKaggleCases(path: string): KaggleCase[] {
  const text = readFileSync(path, 'utf8');
  return isBinaryTable(text) ? parseKaggleBinary(text) : parseKaggleDataset(text);
}

/** Training.csv / Testing.csv start with a header naming a `prognosis` column; dataset.csv does not. */
export function isBinaryTable(text: string): boolean {
  const end = text.indexOf('\n');
  return /(^|,)\s*prognosis\s*(,|$)/i.test(end < 0 ? text : text.slice(0, end));
}
