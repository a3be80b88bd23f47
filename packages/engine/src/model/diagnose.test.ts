import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import type { DiagnosisModel } from './artifact.ts';
import {
  ALTERNATIVES_SHOWN,
  CONFIDENT_TOP_PROBABILITY,
  diagnose,
  RESIDUAL_UNCERTAINTY,
  reportedOrder,
} from './diagnose.ts';
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

  it('names the Mizaj in the why of a disease it moved, with its likelihood ratio as strength', () => {
    const cold = diagnose(findings('sneezing', 'nasal-discharge'), { temperament: 'balghami' }, model);
    const zukam = cold.entries.find((e) => e.disease.code === 'zukam');
    // Balghami: 0.7 in Zukam (its one listed temperament) against the mean of Nazla 0.7, Suda 0.15, Humma 0.1.
    expect(zukam?.why.mizaj?.temperament).toBe('balghami');
    expect(zukam?.why.mizaj?.strength).toBeCloseTo(Math.log(0.7 / ((0.7 + 0.15 + 0.1) / 3)), 10);
    const hot = diagnose(findings('sneezing', 'nasal-discharge'), { temperament: 'safravi' }, model);
    expect(hot.entries.find((e) => e.disease.code === 'zukam')?.why.mizaj?.strength).toBeLessThan(0);
    expect(diagnose(findings('sneezing'), {}, model).entries.every((e) => e.why.mizaj === undefined)).toBe(true);
  });

  it('ignores findings it does not know and reports them', () => {
    const unknown: Finding[] = [...findings('sneezing'), { symptom: 'tinnitus', name: 'tinnitus', present: true }];
    expect(diagnose(unknown, {}, model).explanation.unrecognised).toEqual(['tinnitus']);
  });

  it('names the findings that raised a disease most, with their likelihood ratio as strength', () => {
    const zukam = diagnose(findings('sneezing', 'nasal-discharge', 'cough'), {}, model).entries.find(
      (e) => e.disease.code === 'zukam',
    );
    expect(zukam?.why.raisedBy.map((r) => r.symptom)).toEqual(['sneezing', 'nasal-discharge']);
    // Sneezing: 0.9 in Zukam against the mean of Nazla 0.3, Suda and Humma 0.02 (the leak for an unlisted finding).
    expect(zukam?.why.raisedBy[0]?.strength).toBeCloseTo(Math.log(0.9 / ((0.3 + 0.02 + 0.02) / 3)), 10);
    expect(zukam?.why.raisedBy[1]?.strength).toBeCloseTo(Math.log(0.9 / ((0.8 + 0.02 + 0.02) / 3)), 10);
  });

  it('names as against the finding the disease does not expect', () => {
    const d = diagnose(findings('sneezing', 'nasal-discharge', 'cough'), {}, model);
    const zukam = d.entries.find((e) => e.disease.code === 'zukam');
    // Zukam does not list cough; Nazla expects it (0.7).
    expect(zukam?.why.against).toMatchObject({ symptom: 'cough', present: true });
    expect(zukam?.why.against?.strength).toBeCloseTo(Math.log(0.02 / ((0.7 + 0.02 + 0.02) / 3)), 10);
    expect(knowledge.diseases.find((x) => x.code === 'zukam')?.symptoms.map((s) => s.symptom)).not.toContain('cough');
    // An expected finding reported absent argues against too.
    const denied = diagnose(findings('nasal-discharge', '-sneezing'), {}, model).entries.find(
      (e) => e.disease.code === 'zukam',
    );
    expect(denied?.why.against).toMatchObject({ symptom: 'sneezing', present: false });
  });

  it("splits each disease's support between the three models by weight times probability", () => {
    const d = diagnose(findings('headache', 'nausea', 'fever'), {}, model);
    const w = model.artifact.ensemble.weights;
    for (const e of d.entries) {
      const { shares } = e.why;
      expect(shares.knowledge + shares.tree + shares.network).toBeCloseTo(1, 10);
      const total =
        w.knowledge * e.components.knowledge + w.tree * e.components.tree + w.network * e.components.network;
      expect(shares.knowledge).toBeCloseTo((w.knowledge * e.components.knowledge) / total, 10);
      expect(shares.tree).toBeCloseTo((w.tree * e.components.tree) / total, 10);
      expect(shares.network).toBeCloseTo((w.network * e.components.network) / total, 10);
    }
  });

  it('never gives a disease probability 1, however strong the evidence', () => {
    const overwhelming = findings('fever', 'chills', 'body-ache', 'headache', '-sneezing', '-cough');
    const d = diagnose(overwhelming, {}, model);
    expect(d.entries[0]?.disease.code).toBe('humma');
    expect(d.entries[0]?.probability).toBeLessThan(1);
    // Pooled alone the three models give Humma about 0.9997 here, which rounds to 100 %.
    expect(d.entries[0]?.probability).toBeLessThan(0.995);
    expect(d.entries[0]?.probability).toBeCloseTo(1 - RESIDUAL_UNCERTAINTY + RESIDUAL_UNCERTAINTY / 4, 2);
  });

  it('lists the alternatives when the leader is below 0.9, even under one percent', () => {
    expect(reportedOrder([0.004, 0.85, 0.14, 0.006])).toEqual([1, 2, 3]);
    expect(reportedOrder([0.004, 0.95, 0.04, 0.006])).toEqual([1, 2]);
    expect(reportedOrder([0.3, 0.3, 0.2, 0.2]).length).toBe(4);
    expect(ALTERNATIVES_SHOWN).toBe(2);
    expect(CONFIDENT_TOP_PROBABILITY).toBe(0.9);
  });

  it('counts only informative findings as reported', () => {
    expect(diagnose(findings('sneezing', 'neck-stiffness'), {}, model).informativeFindings).toBe(1);
    expect(diagnose(findings('sneezing', '-fever', 'cough', 'headache'), {}, model).informativeFindings).toBe(4);
  });
});
