// The shared domain vocabulary of Unani medicine used by the knowledge base, the engine and the API.
import { z } from 'zod';

/** Mizaj: the four temperaments (damvi = sanguine, balghami = phlegmatic, safravi = bilious, saudavi = melancholic). */
export const temperaments = ['damvi', 'balghami', 'safravi', 'saudavi'] as const;
export const Temperament = z.enum(temperaments);
export type Temperament = z.infer<typeof Temperament>;

/** Akhlat: the four humours (blood, phlegm, yellow bile, black bile). */
export const humours = ['dam', 'balgham', 'safra', 'sauda'] as const;
export const Humour = z.enum(humours);
export type Humour = z.infer<typeof Humour>;

/** The humour whose predominance a temperament, or a humoural type of a disease (Waram-e-Kabid Safravi), is named after. */
export const humourOfType: Record<Temperament, Humour> = {
  damvi: 'dam',
  balghami: 'balgham',
  safravi: 'safra',
  saudavi: 'sauda',
};

/** What a finding is: a reported symptom, an examined sign, or a Unani examination of pulse, urine or stool. */
export const symptomKinds = ['symptom', 'sign', 'nabz', 'baul', 'baraz'] as const;
export const SymptomKind = z.enum(symptomKinds);
export type SymptomKind = z.infer<typeof SymptomKind>;

/**
 * Where in the body a complaint is: a complaint word said without its place ("no bleeding", "soojan nahi") takes the
 * place of the complaints named beside it.
 */
export const bodySites = [
  'eye',
  'ear',
  'nose',
  'throat',
  'mouth',
  'teeth-gums',
  'chest',
  'abdomen',
  'vomit',
  'stool',
  'anus',
  'urine',
  'vagina',
  'joint',
  'skin',
  'scalp',
] as const;
export const BodySite = z.enum(bodySites);
export type BodySite = z.infer<typeof BodySite>;

/** What a complaint word names without its place: "pain", "swelling", "khoon", "peep", "kharish", "balgham", "jalan". */
export const findingQualities = [
  'pain',
  'swelling',
  'redness',
  'itching',
  'discharge',
  'bleeding',
  'rash',
  'mucus',
  'burning',
] as const;
export const FindingQuality = z.enum(findingQualities);
export type FindingQuality = z.infer<typeof FindingQuality>;

/** Ilaj bil Dawa (drugs), Ilaj bil Ghiza (diet), Ilaj bil Tadbeer (regimen), and general advice. */
export const treatmentKinds = ['dawa', 'ghiza', 'tadbeer', 'advice'] as const;
export const TreatmentKind = z.enum(treatmentKinds);
export type TreatmentKind = z.infer<typeof TreatmentKind>;

export const severities = ['mild', 'moderate', 'severe'] as const;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

export const sexes = ['female', 'male', 'other'] as const;
export const Sex = z.enum(sexes);
export type Sex = z.infer<typeof Sex>;

export const roles = ['admin', 'practitioner', 'researcher'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const organSystems = [
  'nervous',
  'respiratory',
  'ent',
  'eye',
  'oral',
  'digestive',
  'liver',
  'urinary',
  'metabolic',
  'musculoskeletal',
  'skin',
  'reproductive',
  'blood',
  'cardiovascular',
  'fever',
  'mental',
  'general',
] as const;
export const OrganSystem = z.enum(organSystems);
export type OrganSystem = z.infer<typeof OrganSystem>;

/** Dosage forms of compound formulations, as named in the National Formulary of Unani Medicine. */
export const dosageForms = [
  'Majoon',
  'Khamira',
  'Jawarish',
  'Itrifal',
  'Laooq',
  'Sharbat',
  'Arq',
  'Habb',
  'Qurs',
  'Safoof',
  'Roghan',
  'Marham',
  'Zimad',
  'Kohl',
  'Sunoon',
  'Tiryaq',
  'Dawa',
  'Kushta',
  'Iyarij',
  'Mufarreh',
  'Joshanda',
  'Khisanda',
  'Zuroor',
  'Tila',
  'Capsule',
] as const;
export const DosageForm = z.enum(dosageForms);
export type DosageForm = z.infer<typeof DosageForm>;

/**
 * Whom a drug must not be given to, in terms a prescription check can match against the visit: the patient's
 * pregnancy and age, and conditions shown by the visit's findings.
 */
export const avoidInCodes = [
  'pregnancy',
  'breastfeeding',
  'children',
  'infants',
  'hypertension',
  'epilepsy',
  'heart-disease',
  'liver-disease',
  'kidney-disease',
  'diabetes',
  'peptic-ulcer',
  'bleeding-disorder',
] as const;
export const AvoidIn = z.enum(avoidInCodes);
export type AvoidIn = z.infer<typeof AvoidIn>;

/**
 * The long-standing conditions a patient's record can list, named as the prescribing checks name them, so a
 * condition recorded once is checked at every visit. Other conditions are kept as free text.
 */
export const knownConditionCodes = [
  'hypertension',
  'diabetes',
  'epilepsy',
  'heart-disease',
  'liver-disease',
  'kidney-disease',
  'peptic-ulcer',
  'bleeding-disorder',
] as const satisfies readonly AvoidIn[];
export const KnownCondition = z.enum(knownConditionCodes);
export type KnownCondition = z.infer<typeof KnownCondition>;
