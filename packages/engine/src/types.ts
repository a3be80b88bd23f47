// The engine's inputs and outputs. Built from the knowledge base by @unani/knowledge (toEngineKnowledge)
// or from an imported dataset; the engine itself reads no files and no database.
import type { Severity, Sex, SymptomKind, Temperament } from '@unani/contracts';

export interface EngineSymptom {
  code: string;
  /** Canonical English name. */
  name: string;
  kind: SymptomKind;
  /** Every surface form to recognise in text: name, Unani name, Urdu script, synonyms. */
  terms: string[];
}

export interface EngineDiseaseSymptom {
  symptom: string;
  /** P(finding present | disease), in (0, 1]. */
  likelihood: number;
  cardinal: boolean;
}

export interface EngineDisease {
  code: string;
  /** Unani name. */
  name: string;
  englishName: string;
  temperaments: Temperament[];
  symptoms: EngineDiseaseSymptom[];
}

export interface RedFlagRule {
  code: string;
  message: string;
  urgency: 'emergency' | 'urgent';
  when: {
    all: string[];
    any: string[];
    minSeverity?: Severity;
    ageBelowYears?: number;
    ageAtLeastYears?: number;
    sex?: 'female' | 'male';
  };
}

/** Everything the engine needs, with the hash of the knowledge it came from (a model records it). */
export interface EngineKnowledge {
  hash: string;
  symptoms: EngineSymptom[];
  diseases: EngineDisease[];
  redFlags: RedFlagRule[];
}

/** One mention of a symptom in free text, or one picked finding. */
export interface Finding {
  symptom: string;
  name: string;
  present: boolean;
  uncertain?: boolean;
  durationDays?: number;
  severity?: Severity;
  /** Character offsets [start, end) in the parsed text; absent for picked findings. */
  span?: [number, number];
}

export interface PatientContext {
  ageYears?: number;
  sex?: Sex;
  temperament?: Temperament;
}
