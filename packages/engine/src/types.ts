// The engine's inputs and outputs. Built from the knowledge base by @unani/knowledge (toEngineKnowledge)
// or from an imported dataset; the engine itself reads no files and no database.
import type {
  AvoidIn,
  BodySite,
  DoseUnit,
  Finding,
  FindingQuality,
  Humour,
  PatientContext,
  Severity,
  Sex,
  SymptomKind,
  Temperament,
} from '@unani/contracts';

export type { Finding, PatientContext };

export interface EngineSymptom {
  code: string;
  /** Canonical English name. */
  name: string;
  kind: SymptomKind;
  /** Every surface form to recognise in text: name, Unani name, Urdu script, synonyms. */
  terms: string[];
  /** More general findings this one implies (is-a): `high-fever` ⇒ `fever`. */
  parents?: string[];
  /** A parent present this many days or longer is this finding ("cough for 3 weeks" is chronic cough). */
  durationAtLeastDays?: number;
  /** A minor, self-limiting complaint that on its own may be cared for at home. */
  selfCare?: boolean;
  /** Ways the complaint is described without its name: slots of alternative words that must all occur nearby. */
  describedAs?: string[][][];
  /** Where in the body the complaint is. */
  site?: BodySite;
  /** The bare complaint words ("bleeding", "soojan", "jalan") this finding is at its site. */
  qualities?: readonly FindingQuality[];
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
  urduName?: string;
  temperaments: Temperament[];
  /** The humours the disease arises from: safra and dam make it a hot disease, balgham and sauda a cold one. */
  humours?: Humour[];
  symptoms: EngineDiseaseSymptom[];
}

export interface RedFlagRule {
  code: string;
  message: string;
  /** The message in one short line (cards, lists); absent when the message itself is short. */
  summary?: string;
  /** The same instruction in Urdu, for the patient's note and the Urdu screen. */
  messageUrdu?: string;
  urgency: 'emergency' | 'urgent';
  when: {
    all: string[];
    any: string[];
    /** Findings that silence the rule when present (e.g. a known cause). */
    none?: string[];
    minSeverity?: Severity;
    ageBelowYears?: number;
    ageAtLeastYears?: number;
    sex?: Exclude<Sex, 'other'>;
    /** The patient is pregnant (from the record, the text, or a `pregnancy` finding). */
    pregnant?: boolean;
    /** Weeks of pregnancy at least this many; an unknown gestation does not silence the rule. */
    pregnancyWeeksAtLeast?: number;
    /** Weeks of pregnancy fewer than this (preterm); an unknown gestation does not silence the rule either. */
    pregnancyWeeksBelow?: number;
    /** A triggering finding has lasted at least this many days (e.g. hoarseness over three weeks). */
    durationAtLeastDays?: number;
  };
}

/** What a prescription check needs to know of a single drug or a formulation. */
export interface EngineRemedy {
  code: string;
  kind: 'singleDrug' | 'formulation';
  name: string;
  urduName?: string;
  /** Its Mizaj as the knowledge base writes it: "Hot 2, Dry 2", "Cold 1, Moist 1", "Moderate". */
  temperament?: string;
  /** Poisonous, or (for a formulation) holding a poisonous ingredient. */
  toxic: boolean;
  /** In the base unit of `dailyAmount` (mg for mass). */
  maxDailyDose?: { amount: number; unit: DoseUnit };
  /** Its own contraindications and, for a formulation, those of its toxic ingredients. */
  avoidIn: AvoidIn[];
  cautions: string[];
  childDose?: string;
  /** Every name it goes by and, for a formulation, its ingredients' names: what an allergy is checked against. */
  names?: string[];
}

/** Everything the engine needs, with the hash of the knowledge it came from (a model records it). */
export interface EngineKnowledge {
  hash: string;
  symptoms: EngineSymptom[];
  diseases: EngineDisease[];
  redFlags: RedFlagRule[];
  /** Single drugs and formulations with their safety facts; absent for knowledge without a formulary. */
  remedies?: EngineRemedy[];
}
