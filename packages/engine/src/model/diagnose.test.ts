import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import { diagnose } from './diagnose.ts';
import { createKnowledge, findings } from './testing/knowledgeFixture.ts';
import { trainModel } from './train.ts';

const knowledge = createKnowledge();
let model: DiagnosisModel;

beforeAll(async () => {
  ({ model } = await trainModel(knowledge, { seed: 1, casesPerDisease: 60, epochs: 8, backend: 'cpu' }));
});

describe('diagnose', () => {
  it('ranks the disease whose cardinal findings are present first', () => {
    const d = diagnose(findings('sneezing', 'nasal-discharge'), {}, model);
    expect(d.entries[0]?.disease).toEqual({ code: 'zukam', name: 'Zukam', englishName: 'Coryza' });
    expect(d.flat).toBe(false);
    expect(diagnose(findings('fever', 'chills', 'body-ache'), {}, model).entries[0]?.disease.code).toBe('humma');
    expect(diagnose(findings('headache', 'photophobia', '-fever'), {}, model).entries[0]?.disease.code).toBe('suda');
  });

  it('gives calibrated probabilities that sum to 1 over the reported and unreported diseases', () => {
    const d = diagnose(findings('headache'), {}, model);
    const shown = d.entries.reduce((sum, e) => sum + e.probability, 0);
    expect(shown).toBeLessThanOrEqual(1 + 1e-9);
    expect(shown).toBeGreaterThan(1 - 0.01 * knowledge.diseases.length);
    expect(d.entries.every((e) => e.probability > 0.01)).toBe(true);
    expect(d.entries.map((e) => e.probability)).toEqual([...d.entries.map((e) => e.probability)].sort((a, b) => b - a));
  });

  it('lists supporting, missing and contrary evidence for each disease', () => {
    const d = diagnose(findings('nasal-discharge', 'fever', '-sneezing'), {}, model);
    const zukam = d.entries.find((e) => e.disease.code === 'zukam');
    expect(zukam?.supporting.map((f) => f.symptom)).toEqual(['nasal-discharge', 'fever']);
    expect(zukam?.against.map((f) => f.symptom)).toEqual(['sneezing']);
    const nazla = d.entries.find((e) => e.disease.code === 'nazla');
    expect(nazla?.missing.map((f) => f.symptom)).toEqual(['cough', 'throat-irritation']);
    expect(nazla?.against.map((f) => f.symptom)).toEqual(['fever']);
  });

  it('explains with the tree path and the findings that weigh most', () => {
    const d = diagnose(findings('sneezing', 'nasal-discharge'), {}, model);
    expect(d.explanation.treePath.length).toBeGreaterThan(0);
    expect(d.explanation.treePath.every((t) => /present|absent|Mizaj/.test(t))).toBe(true);
    expect(d.explanation.topFindings[0]).toMatchObject({ present: true });
    expect(d.explanation.topFindings[0]?.weight).toBeGreaterThan(0);
    expect(d.modelVersion).toBe(model.artifact.version);
  });

  it('flags a differential without findings as flat', () => {
    expect(diagnose([], {}, model).flat).toBe(true);
  });

  it('uses Mizaj as a prior between diseases with the same findings', () => {
    const headache = findings('headache');
    const balghami = diagnose(headache, { temperament: 'balghami' }, model).entries.find(
      (e) => e.disease.code === 'suda',
    );
    const safravi = diagnose(headache, { temperament: 'safravi' }, model).entries.find(
      (e) => e.disease.code === 'suda',
    );
    expect(safravi?.components.knowledge).toBeGreaterThan(balghami?.components.knowledge ?? 1);
  });

  it('ignores findings it does not know and reports them', () => {
    const unknown: Finding[] = [...findings('sneezing'), { symptom: 'tinnitus', name: 'tinnitus', present: true }];
    expect(diagnose(unknown, {}, model).explanation.unrecognised).toEqual(['tinnitus']);
  });
});
