import { describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../test/knowledgeFixture.ts';
import { loadKnowledgeDir } from './load.ts';
import { knowledgeReport, parseFormularyRequests } from './report.ts';

const minimal = () => loadKnowledgeDir(minimalKnowledgeDir);

describe('knowledgeReport', () => {
  it('counts every kind of entry of the minimal fixture', () => {
    expect(knowledgeReport(minimal()).counts).toEqual({
      diseases: 2,
      symptoms: 9,
      singleDrugs: 3,
      formulations: 2,
      protocols: 2,
      redFlags: 3,
      sources: 2,
    });
  });

  it('names diseases with fewer than six symptoms, symptoms no disease lists and drugs no formulation holds', () => {
    const report = knowledgeReport(minimal());
    expect(report.diseasesWithFewSymptoms).toEqual(['shaqeeqa', 'zukam']);
    expect(report.unusedSymptoms).toEqual(['high-fever', 'neck-stiffness', 'unconsciousness']);
    expect(report.unusedDrugs).toEqual([]);
    expect(report.review).toEqual([]);
    expect(report).not.toHaveProperty('unresolvedFormularyRequests');
  });

  it('lists entries and protocols marked for review, by kind', () => {
    const kb = minimal();
    const [shaqeeqa, zukam] = kb.diseases;
    const ustukhuddus = kb.singleDrugs.find((d) => d.code === 'ustukhuddus');
    if (!shaqeeqa?.protocol || !zukam || !ustukhuddus) throw new Error('fixture changed');
    shaqeeqa.protocol.review = true;
    zukam.review = true;
    ustukhuddus.review = true;
    expect(knowledgeReport(kb).review).toEqual([
      { kind: 'disease', code: 'zukam' },
      { kind: 'protocol', code: 'shaqeeqa' },
      { kind: 'single-drug', code: 'ustukhuddus' },
    ]);
    expect(knowledgeReport(kb).reviewCounts).toEqual({
      disease: 1,
      protocol: 1,
      symptom: 0,
      'single-drug': 1,
      formulation: 0,
      'red-flag': 0,
    });
  });

  it('counts the drugs and formulations that cite a monograph or numbered section, by kind and in all', () => {
    const kb = minimal();
    expect(knowledgeReport(kb).citations).toEqual({
      entries: 5,
      atMonographLevel: 0,
      percent: 0,
      singleDrugs: { entries: 3, atMonographLevel: 0 },
      formulations: { entries: 2, atMonographLevel: 0 },
    });
    const [ustukhuddus, hilteet, kuchla] = kb.singleDrugs;
    const [itrifal, majoon] = kb.formulations;
    if (!ustukhuddus || !hilteet?.maxDailyDose || !kuchla || !itrifal || !majoon) throw new Error('fixture changed');
    ustukhuddus.sources.push({ source: 'upi', locator: "Part I, Vol. I, monograph 'Ustukhuddus'" });
    hilteet.maxDailyDose.source = { source: 'nfum', locator: 'Part I, 1.12' };
    kuchla.sources.push({ source: 'upi', locator: 'Part I' });
    itrifal.sources.push({ source: 'ccrum-formulations', locator: "monograph 'Itrifal Ustukhuddus'" });
    majoon.sources.push({ source: 'upi-part2', locator: 'Vol. I, p. 9' });
    expect(knowledgeReport(kb).citations).toEqual({
      entries: 5,
      atMonographLevel: 3,
      percent: 60,
      singleDrugs: { entries: 3, atMonographLevel: 2 },
      formulations: { entries: 2, atMonographLevel: 1 },
    });
  });

  it('names a drug no formulation contains', () => {
    const kb = minimal();
    kb.formulations = [];
    expect(knowledgeReport(kb).unusedDrugs).toEqual(['hilteet', 'kuchla', 'ustukhuddus']);
  });

  it('counts Urdu fields written with Arabic letter forms and entries without an Urdu name', () => {
    const kb = minimal();
    expect(knowledgeReport(kb).urdu).toEqual({
      fieldsWithArabicForms: 0,
      withoutUrduName: { symptoms: 8, diseases: 1, singleDrugs: 3, formulations: 1 },
    });
    const shaqeeqa = kb.diseases.find((d) => d.code === 'shaqeeqa');
    const headache = kb.symptoms.find((d) => d.code === 'headache');
    if (!shaqeeqa || !headache) throw new Error('fixture changed');
    shaqeeqa.urduName = 'شقيقہ';
    headache.urduName = 'سر درد';
    headache.synonyms.push('درد سر', 'سر كا درد');
    expect(knowledgeReport(kb).urdu).toEqual({
      fieldsWithArabicForms: 2,
      withoutUrduName: { symptoms: 7, diseases: 1, singleDrugs: 3, formulations: 1 },
    });
  });

  it('counts diseases with temperaments, humours and pulse, urine or stool signs, and those marked mizajReview', () => {
    const kb = minimal();
    expect(knowledgeReport(kb).unani).toEqual({
      withTemperaments: { count: 1, percent: 50 },
      withHumours: { count: 0, percent: 0 },
      withNabzBaulBarazSigns: 0,
      mizajReview: [],
    });
    const [shaqeeqa, zukam] = kb.diseases;
    if (!shaqeeqa || !zukam) throw new Error('fixture changed');
    kb.symptoms.push({ ...(kb.symptoms[0] as (typeof kb.symptoms)[number]), code: 'nabz-saree', kind: 'nabz' });
    shaqeeqa.symptoms.push({ symptom: 'nabz-saree', likelihood: 0.3, cardinal: false });
    zukam.humours = ['balgham'];
    zukam.temperaments = ['balghami'];
    zukam.mizajReview = true;
    expect(knowledgeReport(kb).unani).toEqual({
      withTemperaments: { count: 2, percent: 100 },
      withHumours: { count: 1, percent: 50 },
      withNabzBaulBarazSigns: 1,
      mizajReview: ['zukam'],
    });
  });

  it('keeps the formulary requests the knowledge base does not hold yet', () => {
    const requests = parseFormularyRequests(
      [
        '# requested by protocols',
        'formulation itrifal-ustukhuddus Itrifal Ustukhuddus',
        '',
        'formulation khamira-gaozaban Khamira Gaozaban',
        'single-drug ustukhuddus Ustukhuddus',
        'single-drug gul-e-banafsha Gul-e-Banafsha',
      ].join('\n'),
    );
    expect(knowledgeReport(minimal(), requests).unresolvedFormularyRequests).toEqual([
      { kind: 'formulation', code: 'khamira-gaozaban', name: 'Khamira Gaozaban' },
      { kind: 'single-drug', code: 'gul-e-banafsha', name: 'Gul-e-Banafsha' },
    ]);
  });
});

describe('parseFormularyRequests', () => {
  it('names the line it cannot read', () => {
    expect(() => parseFormularyRequests('formulation a A\nmedicine b B')).toThrow(/line 2 .*: medicine b B$/);
  });
});
