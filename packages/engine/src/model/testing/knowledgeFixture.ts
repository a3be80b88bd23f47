// A small hand-made knowledge base for the engine's tests: four common Unani presentations and one red flag.
import type { EngineKnowledge, Finding } from '../../types.ts';

const symptom = (code: string, name: string) => ({ code, name, kind: 'symptom' as const, terms: [name] });

export function createKnowledge(overrides: Partial<EngineKnowledge> = {}): EngineKnowledge {
  return {
    hash: 'fixture-v1',
    symptoms: [
      symptom('sneezing', 'sneezing'),
      symptom('nasal-discharge', 'nasal discharge'),
      symptom('cough', 'cough'),
      symptom('throat-irritation', 'throat irritation'),
      symptom('headache', 'headache'),
      symptom('nausea', 'nausea'),
      symptom('photophobia', 'photophobia'),
      symptom('fever', 'fever'),
      symptom('chills', 'chills'),
      symptom('body-ache', 'body ache'),
      symptom('neck-stiffness', 'neck stiffness'),
    ],
    diseases: [
      {
        code: 'zukam',
        name: 'Zukam',
        englishName: 'Coryza',
        temperaments: ['balghami'],
        symptoms: [
          { symptom: 'sneezing', likelihood: 0.9, cardinal: true },
          { symptom: 'nasal-discharge', likelihood: 0.9, cardinal: true },
          { symptom: 'headache', likelihood: 0.4, cardinal: false },
          { symptom: 'fever', likelihood: 0.2, cardinal: false },
        ],
      },
      {
        code: 'nazla',
        name: 'Nazla',
        englishName: 'Catarrh',
        temperaments: ['balghami'],
        symptoms: [
          { symptom: 'nasal-discharge', likelihood: 0.8, cardinal: true },
          { symptom: 'cough', likelihood: 0.7, cardinal: false },
          { symptom: 'throat-irritation', likelihood: 0.7, cardinal: false },
          { symptom: 'sneezing', likelihood: 0.3, cardinal: false },
        ],
      },
      {
        code: 'suda',
        name: 'Suda',
        englishName: 'Headache',
        temperaments: ['damvi', 'safravi'],
        symptoms: [
          { symptom: 'headache', likelihood: 0.95, cardinal: true },
          { symptom: 'nausea', likelihood: 0.3, cardinal: false },
          { symptom: 'photophobia', likelihood: 0.3, cardinal: false },
        ],
      },
      {
        code: 'humma',
        name: 'Humma',
        englishName: 'Fever',
        temperaments: ['safravi'],
        symptoms: [
          { symptom: 'fever', likelihood: 0.95, cardinal: true },
          { symptom: 'chills', likelihood: 0.6, cardinal: false },
          { symptom: 'body-ache', likelihood: 0.7, cardinal: false },
          { symptom: 'headache', likelihood: 0.5, cardinal: false },
        ],
      },
    ],
    redFlags: [
      {
        code: 'meningism',
        message: 'Fever with neck stiffness: refer today to exclude meningitis',
        urgency: 'emergency',
        when: { all: ['fever', 'neck-stiffness'], any: [] },
      },
    ],
    ...overrides,
  };
}

/** Findings from "code" (present) and "-code" (absent) shorthands. */
export function findings(...codes: string[]): Finding[] {
  return codes.map((c) => {
    const present = !c.startsWith('-');
    const symptom = present ? c : c.slice(1);
    return { symptom, name: symptom.replace(/-/g, ' '), present };
  });
}
