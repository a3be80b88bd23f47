// A small hand-made knowledge base for the symptom parser's tests: common complaints with their Unani, romanised
// Urdu and Urdu-script terms, as toEngineKnowledge would produce them.
import type { EngineKnowledge, EngineSymptom } from '../../types.ts';
import { buildLexicon, type Lexicon } from '../lexicon.ts';

const symptom = (code: string, name: string, ...synonyms: string[]): EngineSymptom => ({
  code,
  name,
  kind: 'symptom',
  terms: [name, ...synonyms],
});

export function createSymptomKnowledge(extra: EngineSymptom[] = []): EngineKnowledge {
  return {
    hash: 'nlp-fixture-v1',
    symptoms: [
      symptom('headache', 'Headache', 'Suda', 'Sudaa', 'Dard-e-Sar', 'صداع', 'سر درد'),
      symptom('fever', 'Fever', 'Humma', 'Bukhar', 'بخار'),
      symptom('cough', 'Cough', 'Sual', 'کھانسی'),
      symptom('vomiting', 'Vomiting', 'Qai'),
      symptom('nausea', 'Nausea', 'Ghasiyan'),
      symptom('sneezing', 'Sneezing', 'Utas', 'chheenk'),
      symptom('nasal-congestion', 'Nasal congestion', 'blocked nose', 'bandh naak'),
      symptom('runny-nose', 'Runny nose', 'Zukam'),
      symptom('diarrhoea', 'Diarrhoea', 'Ishal'),
      symptom('constipation', 'Constipation', 'Qabz'),
      symptom('breathlessness', 'Breathlessness', 'Zeeq-un-Nafas', 'saans phoolti'),
      symptom('abdominal-pain', 'Abdominal pain', 'Dard-e-Shikam'),
      symptom('itching', 'Itching', 'Hikka', 'خارش'),
      symptom('sore-throat', 'Sore throat'),
      symptom('chest-pain', 'Chest pain'),
      symptom('neck-pain', 'Neck pain'),
      symptom('burning-micturition', 'Burning micturition', 'Hurqat-ul-Baul'),
      symptom('dizziness', 'Dizziness', 'Dawar'),
      symptom('sweating', 'Sweating', 'Araq'),
      ...extra,
    ],
    diseases: [],
    redFlags: [],
  };
}

let shared: Lexicon | undefined;

/** The fixture's lexicon, built once for all tests of a file. */
export function symptomLexicon(): Lexicon {
  shared ??= buildLexicon(createSymptomKnowledge());
  return shared;
}
