// The formulary: single drugs (Mufradat) and compound formulations (Murakkabat) of data/knowledge.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectKnowledge } from '../test/projectKnowledge.ts';
import { Dose, DrugTemperament, type KnowledgeBase } from './format.ts';
import { buildKnowledgeBase, type KnowledgeFile } from './validate.ts';

const knowledgeDir = fileURLToPath(new URL('../../../data/knowledge', import.meta.url));

/** Sources, single drugs and formulations only: checks the formulary without the disease files. */
function loadFormularyOnly(): KnowledgeBase {
  const files: KnowledgeFile[] = [];
  for (const kind of ['sources', 'single-drugs', 'formulations'] as const) {
    const folder = join(knowledgeDir, kind);
    for (const name of readdirSync(folder)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      files.push({ kind, file: `${kind}/${name}`, content: parse(readFileSync(join(folder, name), 'utf8')) });
    }
  }
  return buildKnowledgeBase(files);
}

/** Lines `formulation <code> <name>` / `single-drug <code> <name>` asked for by disease protocols. */
function requestedCodes(): { kind: string; code: string }[] {
  const file = join(knowledgeDir, 'formulary-requests.txt');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [kind = '', code = ''] = line.split(/\s+/);
      return { kind, code };
    });
}

function checkFormulary(load: () => KnowledgeBase) {
  let kb: KnowledgeBase;
  beforeAll(() => {
    kb = load();
  });

  it('holds at least 120 single drugs and 100 formulations', () => {
    expect(kb.singleDrugs.length).toBeGreaterThanOrEqual(120);
    expect(kb.formulations.length).toBeGreaterThanOrEqual(100);
  });

  it('gives every dose with a unit', () => {
    const doses = [
      ...kb.singleDrugs.filter((d) => d.dose).map((d) => [d.code, d.dose as string]),
      ...kb.formulations.map((f) => [f.code, f.dose]),
    ];
    const bad = doses.filter(([, dose]) => !Dose.safeParse(dose).success);
    expect(bad).toEqual([]);
    expect(kb.singleDrugs.filter((d) => !d.dose).map((d) => d.code)).toEqual([]);
  });

  it('writes every temperament as "Hot 2, Dry 2", "Cold 1, Moist 2" or "Moderate"', () => {
    const bad = kb.singleDrugs
      .filter((d) => d.temperament !== undefined && !DrugTemperament.safeParse(d.temperament).success)
      .map((d) => d.code);
    expect(bad).toEqual([]);
    expect(kb.singleDrugs.filter((d) => !d.temperament).map((d) => d.code)).toEqual([]);
  });

  it('lists ingredients for every formulation, linked to single drugs where they exist', () => {
    expect(kb.formulations.filter((f) => f.ingredients.length === 0).map((f) => f.code)).toEqual([]);
    const drugCodes = new Set(kb.singleDrugs.map((d) => d.code));
    const unknown = kb.formulations.flatMap((f) =>
      f.ingredients.filter((i) => i.drug && !drugCodes.has(i.drug)).map((i) => `${f.code} → ${i.drug}`),
    );
    expect(unknown).toEqual([]);
  });

  it('cites NFUM for every formulation except those published only elsewhere', () => {
    const cites = (f: KnowledgeBase['formulations'][number], source: string) =>
      f.sources.some((s) => (typeof s === 'string' ? s : s.source) === source);
    const withoutNfum = kb.formulations.filter((f) => !cites(f, 'nfum')).map((f) => f.code);
    expect(withoutNfum).toEqual(['qurs-e-mafasil']);
  });

  it('supplies every formulation and single drug requested by the disease protocols', () => {
    const formulations = new Set(kb.formulations.map((f) => f.code));
    const drugs = new Set(kb.singleDrugs.map((d) => d.code));
    const missing = requestedCodes().filter(({ kind, code }) =>
      kind === 'formulation' ? !formulations.has(code) : kind === 'single-drug' ? !drugs.has(code) : true,
    );
    expect(missing).toEqual([]);
  });
}

describe('formulary (sources, single drugs, formulations)', () => {
  checkFormulary(loadFormularyOnly);
});

describe('formulary within the whole knowledge base', () => {
  checkFormulary(projectKnowledge);
});
