import { describe, expect, it } from 'vitest';
import type { EngineKnowledge, EngineSymptom } from '../types.ts';
import { LAY_TERMS } from './layLexicon.ts';
import { buildLexicon } from './lexicon.ts';
import { parse } from './parse.ts';
import { createSymptomKnowledge } from './testing/symptomKnowledge.ts';
import { URDU_TERMS } from './urduLexicon.ts';

const symptom = (code: string, name: string, ...terms: string[]): EngineSymptom => ({
  code,
  name,
  kind: 'symptom',
  terms,
});

const knowledge = (...symptoms: EngineSymptom[]): EngineKnowledge => ({
  hash: 'lexicon-test',
  symptoms,
  diseases: [],
  redFlags: [],
});

const codes = (text: string, k: EngineKnowledge) => parse(text, buildLexicon(k)).map((f) => f.symptom);

describe('the built-in tables', () => {
  it('cover at least 150 lay English concepts', () => {
    expect(Object.keys(LAY_TERMS).length).toBeGreaterThanOrEqual(150);
  });

  it('know the commonest romanised Urdu complaints', () => {
    expect(URDU_TERMS.fever).toContain('bukhar');
    expect(URDU_TERMS.headache).toEqual(expect.arrayContaining(['sar dard', 'sir dard']));
    expect(URDU_TERMS.cough).toContain('khansi');
    expect(URDU_TERMS.vomiting).toContain('ulti');
    expect(URDU_TERMS['abdominal pain']).toContain('pet dard');
    expect(URDU_TERMS.sneezing).toContain('chheenk');
    expect(URDU_TERMS['nasal congestion']).toEqual(expect.arrayContaining(['bandh naak', 'band naak']));
    expect(URDU_TERMS.diarrhoea).toContain('dast');
    expect(URDU_TERMS.constipation).toContain('qabz');
    expect(URDU_TERMS.burning).toContain('jalan');
  });
});

describe('buildLexicon', () => {
  it('recognises every term of the knowledge: name, Unani name, Urdu script, synonyms', () => {
    const k = knowledge(symptom('headache', 'Headache', 'Headache', 'Suda', 'صداع', 'Dard-e-Sar'));
    expect(codes('headache; suda; صداع; dard-e-sar; Dard e Sar', k)).toEqual([
      'headache',
      'headache',
      'headache',
      'headache',
      'headache',
    ]);
  });

  it('joins a lay entry to a symptom whose name equals its key after normalisation', () => {
    const dataset = knowledge(
      symptom('abdominal-pain', 'Abdominal_Pain', 'abdominal pain'),
      symptom('breathlessness', 'breathlessness', 'breathlessness'),
      symptom('skin-rash', 'skin rash', 'skin rash'),
    );
    expect(codes('tummy ache', dataset)).toEqual(['abdominal-pain']);
    expect(codes("can't breathe properly", dataset)).toEqual(['breathlessness']);
    expect(codes('rashes', dataset)).toEqual(['skin-rash']);
  });

  it('joins a lay entry through any term, not only the name', () => {
    expect(codes('throwing up', knowledge(symptom('qai', 'Qai', 'Qai', 'Vomiting')))).toEqual(['qai']);
  });

  it('joins romanised Urdu words the same way', () => {
    const k = knowledge(symptom('fever', 'Fever', 'Fever'), symptom('headache', 'Headache', 'Headache'));
    expect(codes('bukhar aur sir dard', k)).toEqual(['fever', 'headache']);
  });

  it('gives no lay words to a symptom the table does not name', () => {
    expect(codes('tummy ache', knowledge(symptom('headache', 'Headache', 'Headache')))).toEqual([]);
  });

  it("prefers the knowledge base's own term when a lay phrase has the same words", () => {
    const k = knowledge(
      symptom('heartburn', 'Heartburn', 'Heartburn'),
      symptom('acid-reflux', 'Acid reflux', 'Acid reflux'),
    );
    expect(codes('acid reflux', k)).toEqual(['acid-reflux']);
  });

  it('ignores one-word terms too short to look for', () => {
    expect(codes('na', knowledge(symptom('nausea', 'Nausea', 'Nausea', 'na')))).toEqual([]);
  });

  it('builds from an empty knowledge base', () => {
    expect(codes('fever', knowledge())).toEqual([]);
  });

  it('builds the fixture knowledge base with every table attached', () => {
    const lexicon = buildLexicon(createSymptomKnowledge());
    expect(lexicon.symptoms).toHaveLength(createSymptomKnowledge().symptoms.length);
    expect(lexicon.phrases.size).toBeGreaterThan(50);
  });
});
