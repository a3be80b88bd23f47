// Imports the public "Disease Symptom Prediction" dataset (Kaggle, CC BY-SA 4.0) as engine knowledge and cases.
// Pure: text in, data out; kaggleFiles.ts reads the files.
import { createHash } from 'node:crypto';
import type { EngineKnowledge } from '@unani/engine';
import { parse } from 'csv-parse/sync';

/** "dischromic _patches " → "dischromic patches": trims and turns runs of spaces and underscores into one space. */
export function kaggleName(raw: string): string {
  return raw.replace(/[\s_]+/g, ' ').trim();
}

/** A knowledge-base code for a Kaggle name: "(vertigo) Paroymsal  Positional Vertigo" → "vertigo-paroymsal-positional-vertigo". */
export function kaggleCode(raw: string): string {
  return kaggleName(raw)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function readRows(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
}

/** One case of the dataset: its disease label as written and its symptom codes. */
export interface KaggleCase {
  label: string;
  symptoms: string[];
}

/**
 * Reads `Disease,Symptom_1,…,Symptom_17` rows (header optional, blank lines and lines of commas skipped) and
 * removes duplicate cases: the published file repeats each distinct case many times.
 */
export function parseKaggleDataset(text: string): KaggleCase[] {
  const cases: KaggleCase[] = [];
  for (const row of readRows(text)) {
    const label = kaggleName(row[0] ?? '');
    if (label === '' || label.toLowerCase() === 'disease') continue;
    cases.push({
      label,
      symptoms: [
        ...new Set(
          row
            .slice(1)
            .map(kaggleCode)
            .filter((c) => c !== ''),
        ),
      ].sort(),
    });
  }
  return distinctCases(cases);
}

/** Keeps the first of cases with the same disease and the same set of symptoms. */
export function distinctCases(cases: readonly KaggleCase[]): KaggleCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${kaggleCode(c.label)}|${[...c.symptoms].sort().join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads Training.csv / Testing.csv: one binary column per symptom and a `prognosis` column; duplicates kept. */
export function parseKaggleBinary(text: string): KaggleCase[] {
  const [header, ...rows] = readRows(text);
  if (!header) return [];
  const labelColumn = header.findIndex((h) => kaggleName(h).toLowerCase() === 'prognosis');
  if (labelColumn < 0) throw new Error('Not a Kaggle binary symptom table: no "prognosis" column in the header');
  const codes = header.map(kaggleCode);
  return rows
    .filter((row) => kaggleName(row[labelColumn] ?? '') !== '')
    .map((row) => ({
      label: kaggleName(row[labelColumn] ?? ''),
      symptoms: [
        ...new Set(
          row.flatMap((v, i) => (i !== labelColumn && v.trim() === '1' && codes[i] ? [codes[i] as string] : [])),
        ),
      ].sort(),
    }));
}

/**
 * Engine knowledge from dataset cases: every symptom name becomes a symptom (words as its name, hyphenated code),
 * every disease's likelihoods are the frequencies of its symptoms among its distinct cases.
 */
export function kaggleCasesToKnowledge(cases: readonly KaggleCase[]): EngineKnowledge {
  const byDisease = new Map<string, { name: string; cases: number; counts: Map<string, number> }>();
  const symptomCodes = new Set<string>();
  for (const c of cases) {
    const code = kaggleCode(c.label);
    let entry = byDisease.get(code);
    if (!entry) {
      entry = { name: kaggleName(c.label), cases: 0, counts: new Map() };
      byDisease.set(code, entry);
    }
    entry.cases++;
    for (const s of c.symptoms) {
      symptomCodes.add(s);
      entry.counts.set(s, (entry.counts.get(s) ?? 0) + 1);
    }
  }
  const symptoms = [...symptomCodes].sort().map((code) => {
    const name = code.replace(/-/g, ' ');
    return { code, name, kind: 'symptom' as const, terms: [name] };
  });
  const diseases = [...byDisease.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, d]) => ({
      code,
      name: d.name,
      englishName: d.name,
      temperaments: [],
      symptoms: [...d.counts.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([symptom, count]) => ({ symptom, likelihood: count / d.cases, cardinal: false })),
    }));
  const content = { symptoms, diseases, redFlags: [] };
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { hash, ...content };
}

/** Engine knowledge from the text of dataset.csv (deduplicated first). */
export function kaggleDatasetToKnowledge(text: string): EngineKnowledge {
  return kaggleCasesToKnowledge(parseKaggleDataset(text));
}
