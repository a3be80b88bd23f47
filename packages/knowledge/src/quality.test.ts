// Quality rules over the clinical knowledge in data/knowledge/: coverage of the core disease list,
// symptom lists a practitioner can rely on, treatment protocols, official codes, red flags.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectKnowledge } from '../test/projectKnowledge.ts';
import type { KnowledgeBase } from './format.ts';
import { numcTm2Links, readExternalTerminology } from './importers/terminology.ts';
import { normaliseName } from './validate.ts';

const _knowledgeDir = fileURLToPath(new URL('../../../data/knowledge', import.meta.url));
const coreListFile = fileURLToPath(new URL('../../../data/external/unani-core-diseases.md', import.meta.url));
const externalDir = fileURLToPath(new URL('../../../data/external', import.meta.url));
const numcFile = fileURLToPath(new URL('../../../data/external/namaste-unani/NUMC.csv', import.meta.url));

/** Names in the core list: "- Suda (Sudaa, Dard-e-Sar) — headache — …" gives "Suda". */
function coreDiseaseNames(): string[] {
  return readFileSync(coreListFile, 'utf8')
    .split('\n')
    .map((line) => /^- (.+?) — /.exec(line)?.[1])
    .filter((name): name is string => Boolean(name))
    .map((name) => name.replace(/\s*\(.*?\)/g, '').trim());
}

/** NUMC code → normalised forms of its term, whole and each "/"-separated alternative. */
function numcTerms(): Map<string, Set<string>> {
  const rows = parseCsv(readFileSync(numcFile, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const terms = new Map<string, Set<string>>();
  for (const row of rows) {
    const code = row.NUMC_CODE?.trim();
    const term = row.NUMC_TERM?.trim();
    if (!code || !term) continue;
    const forms = terms.get(code) ?? new Set<string>();
    forms.add(normaliseName(term));
    for (const part of term.split('/')) forms.add(normaliseName(part));
    terms.set(code, forms);
  }
  return terms;
}

let kb: KnowledgeBase;
beforeAll(() => {
  kb = projectKnowledge();
});

describe('clinical knowledge quality', () => {
  it('contains every disease of the core list under its Unani name', () => {
    const core = coreDiseaseNames();
    expect(core.length).toBeGreaterThanOrEqual(78);
    const names = new Set(kb.diseases.map((d) => d.name));
    expect(core.filter((name) => !names.has(name))).toEqual([]);
  });

  it('reaches the size targets', () => {
    expect(kb.diseases.length).toBeGreaterThanOrEqual(90);
    expect(kb.symptoms.length).toBeGreaterThanOrEqual(300);
    for (const kind of ['nabz', 'baul', 'baraz'] as const) {
      expect(kb.symptoms.filter((s) => s.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives each disease at least 6 symptoms, a cardinal one, and likelihoods that are not all equal', () => {
    const problems: string[] = [];
    for (const d of kb.diseases) {
      if (d.symptoms.length < 6) problems.push(`${d.code}: ${d.symptoms.length} symptoms`);
      if (!d.symptoms.some((s) => s.cardinal)) problems.push(`${d.code}: no cardinal symptom`);
      if (new Set(d.symptoms.map((s) => s.likelihood)).size < 2) problems.push(`${d.code}: all likelihoods equal`);
    }
    expect(problems).toEqual([]);
  });

  it('gives each cardinal symptom a higher likelihood than the weakest finding of its disease', () => {
    const problems: string[] = [];
    for (const d of kb.diseases) {
      const lowest = Math.min(...d.symptoms.map((s) => s.likelihood));
      for (const s of d.symptoms.filter((x) => x.cardinal)) {
        if (s.likelihood <= lowest) problems.push(`${d.code}: cardinal ${s.symptom} at ${s.likelihood}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every disease a protocol with a dawa (or why none), a ghiza, and a tadbeer or advice item', () => {
    const problems: string[] = [];
    for (const d of kb.diseases) {
      const kinds = new Set(d.protocol?.items.map((i) => i.kind) ?? []);
      if (!d.protocol) problems.push(`${d.code}: no protocol`);
      else {
        if (!kinds.has('dawa') && !d.protocol.noDawa) problems.push(`${d.code}: no dawa and no reason`);
        if (!kinds.has('ghiza')) problems.push(`${d.code}: no ghiza`);
        if (!kinds.has('tadbeer') && !kinds.has('advice')) problems.push(`${d.code}: no tadbeer or advice`);
        if (d.protocol.principles.length === 0) problems.push(`${d.code}: no principles`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses only NUMC codes that exist, whose term matches the disease name or a synonym', () => {
    const terms = numcTerms();
    const problems: string[] = [];
    for (const d of kb.diseases) {
      const code = d.codes.numc;
      if (!code) continue;
      const forms = terms.get(code);
      if (!forms) {
        problems.push(`${d.code}: ${code} is not in NUMC.csv`);
        continue;
      }
      const names = [d.name, ...d.synonyms].map(normaliseName);
      if (!names.some((n) => forms.has(n))) problems.push(`${d.code}: ${code} term does not match its names`);
    }
    expect(problems).toEqual([]);
  });

  it('uses only TM2 codes of the copy, each linked to the NUMC code by an index term or its match stated', () => {
    const terminology = readExternalTerminology(externalDir);
    const tm2 = new Set(terminology.tm2.map((c) => c.code));
    const links = new Set(numcTm2Links(terminology).map((l) => `${l.numc}|${l.tm2}`));
    const problems: string[] = [];
    for (const d of kb.diseases) {
      const code = d.codes.icd11;
      if (!code) continue;
      if (!tm2.has(code)) problems.push(`${d.code}: ${code} is not in tm2-index-terms.csv`);
      else if (!links.has(`${d.codes.numc}|${code}`) && !d.codeMatch.icd11)
        problems.push(`${d.code}: ${code} does not index NUMC ${d.codes.numc}; state codeMatch.icd11`);
    }
    expect(problems).toEqual([]);
  });

  it('writes ICD-10 codes as WHO does (letter, two digits, an optional fourth character)', () => {
    const problems = kb.diseases
      .filter((d) => d.codes.icd10 && !/^[A-Z]\d\d(\.\d)?$/.test(d.codes.icd10))
      .map((d) => `${d.code}: ${d.codes.icd10}`);
    expect(problems).toEqual([]);
  });

  it('does not use a disease name as a symptom synonym', () => {
    const diseaseNames = new Map(kb.diseases.map((d) => [normaliseName(d.name), d.code]));
    const problems: string[] = [];
    for (const s of kb.symptoms) {
      for (const syn of [s.name, ...s.synonyms]) {
        const owner = diseaseNames.get(normaliseName(syn));
        if (owner) problems.push(`${s.code}: "${syn}" is the name of disease ${owner}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps every surface form of a symptom (name, Unani, Urdu, synonyms) unique across symptoms', () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const s of kb.symptoms) {
      const forms = [s.name, s.unaniName, s.urduName, ...s.synonyms].filter((x): x is string => Boolean(x));
      for (const form of new Set(forms.map(normaliseName))) {
        const other = owner.get(form);
        if (other && other !== s.code) problems.push(`"${form}": ${other} and ${s.code}`);
        else owner.set(form, s.code);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names examination findings by their kind', () => {
    const problems = kb.symptoms
      .filter((s) => ['nabz', 'baul', 'baraz'].includes(s.kind) && !s.code.startsWith(`${s.kind}-`))
      .map((s) => s.code);
    expect(problems).toEqual([]);
  });

  it('has at least 20 red flags, covering the essential emergencies', () => {
    expect(kb.redFlags.length).toBeGreaterThanOrEqual(20);
    const watched = new Set(kb.redFlags.flatMap((r) => [...r.when.all, ...r.when.any]));
    for (const finding of [
      'sudden-severe-headache',
      'chest-pain',
      'haematemesis',
      'loss-of-consciousness',
      'one-sided-weakness',
      'suicidal-thoughts',
      'breathlessness-at-rest',
      'neck-rigidity',
      'haemoptysis',
      'no-urine',
      'severe-dehydration',
      'vaginal-bleeding',
    ]) {
      expect(watched.has(finding), finding).toBe(true);
    }
    expect(kb.redFlags.some((r) => r.when.ageBelowYears !== undefined && r.when.all.includes('fever'))).toBe(true);
  });

  it('cites a source on every red flag and covers the emergencies clinicians expect, by rule', () => {
    const codes = new Set(kb.redFlags.map((r) => r.code));
    for (const rule of [
      'meningism',
      'one-sided-weakness',
      'chest-pain-with-sweating',
      'anaphylaxis',
      'acute-abdomen',
      'vomiting-blood',
      'dengue-warning-signs',
      'fever-with-confusion',
      'first-seizure',
      'pre-eclampsia-symptoms',
      'pregnancy-with-bleeding',
      'suspected-ectopic-pregnancy',
      'postmenopausal-bleeding',
      'testicular-torsion',
      'cauda-equina',
      'hypoglycaemia-in-diabetic',
      'diabetic-ketoacidosis',
      'dehydration-with-danger-signs',
      'neonatal-jaundice',
      'fever-in-young-infant',
      'suicidal-thoughts',
      'sudden-vision-loss',
      'poisoning',
      'severe-asthma',
      'hypertensive-emergency',
      'haemoptysis-with-weight-loss',
      'dysphagia-with-weight-loss',
      'painless-haematuria',
      'breast-lump',
    ])
      expect(codes.has(rule), rule).toBe(true);
  });

  it('marks the poisonous drugs and minerals toxic, each with a caution, a daily maximum and pregnancy/child limits', () => {
    const toxic = [
      'kuchla',
      'baladur',
      'hanzal',
      'saqmoonia',
      'suranjan-shireen',
      'kafoor',
      'hajr-ul-yahood',
      'naushadar',
      'shora-qalmi',
      'suhaga',
    ];
    for (const code of toxic) {
      const drug = kb.singleDrugs.find((d) => d.code === code);
      expect(drug?.toxic, code).toBe(true);
      expect(drug?.cautions.length, code).toBeGreaterThan(0);
      expect(drug?.maxDailyDose, code).toBeDefined();
      expect(drug?.avoidIn, code).toEqual(expect.arrayContaining(['pregnancy', 'children']));
    }
  });
});
