// A practitioner's records as FHIR resources: Patient, Encounter, Condition (confirmed diagnosis) and
// Observation (one per finding). Plain mappings from database rows; loading and ownership live elsewhere.
import { currentAge, isoDay, Triage, type TriageLevel } from '@unani/contracts';
import { numcDisplay, tm2Display } from './externalTerminology.ts';
import type { CodeableConcept, Coding, Condition, Encounter, Observation, Patient, Reference } from './resources.ts';
import {
  ACT_CODE_SYSTEM,
  ACT_PRIORITY_SYSTEM,
  CLINIC_NUMBER_SYSTEM,
  CONDITION_CATEGORY_SYSTEM,
  CONDITION_CLINICAL_SYSTEM,
  CONDITION_VERIFICATION_SYSTEM,
  DISEASES_SYSTEM,
  ICD10_SYSTEM,
  ICD11_SYSTEM,
  NUMC_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  PATIENT_AGE_EXTENSION,
  SYMPTOMS_SYSTEM,
  UCUM_SYSTEM,
} from './systems.ts';

export interface PatientRow {
  id: string;
  name: string;
  age: number;
  birthDate: Date | null;
  birthDateEstimated: boolean;
  clinicNumber: string | null;
  sex: 'female' | 'male' | 'other';
  updatedAt: Date;
}

export interface EncounterRow {
  id: string;
  patientId: string;
  status: 'open' | 'analysed' | 'diagnosed' | 'planned' | 'closed';
  complaint: string;
  createdAt: Date;
  updatedAt: Date;
  diagnosis: { id: string } | null;
  /** The latest analysis's triage, as stored (newest first; at most one is read). */
  suggestions: { triage: unknown }[];
}

export interface ConditionRow {
  id: string;
  createdAt: Date;
  note: string | null;
  encounter: { id: string; patientId: string };
  disease: {
    code: string;
    name: string;
    englishName: string;
    numcCode: string | null;
    icd11Code: string | null;
    icd10Code: string | null;
  };
}

export interface ObservationRow {
  id: number;
  present: boolean;
  uncertain: boolean;
  durationDays: number | null;
  severity: 'mild' | 'moderate' | 'severe' | null;
  encounter: { id: string; patientId: string; createdAt: Date };
  symptom: { code: string; name: string; kind: 'symptom' | 'sign' | 'nabz' | 'baul' | 'baraz' };
}

export const patientRef = (id: string): Reference => ({ reference: `Patient/${id}` });
export const encounterRef = (id: string): Reference => ({ reference: `Encounter/${id}` });

/**
 * The age always travels in the age extension (whole years today). A recorded date of birth is Patient.birthDate;
 * one estimated from an age ("7 months") is not sent as if it were known, so no birthDate is invented.
 */
export function toFhirPatient(p: PatientRow): Patient {
  const birthDate = p.birthDate ? isoDay(p.birthDate) : undefined;
  const age = currentAge({ age: p.age, birthDate });
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { lastUpdated: p.updatedAt.toISOString() },
    extension: [
      { url: PATIENT_AGE_EXTENSION, valueAge: { value: age, unit: 'years', system: UCUM_SYSTEM, code: 'a' } },
    ],
    ...(p.clinicNumber
      ? { identifier: [{ use: 'usual' as const, system: CLINIC_NUMBER_SYSTEM, value: p.clinicNumber }] }
      : {}),
    name: [{ text: p.name }],
    gender: p.sex,
    ...(birthDate && !p.birthDateEstimated ? { birthDate } : {}),
  };
}

/** The engine's triage level in ActPriority terms: emergency and urgent map one to one, a consultation is
 *  routine, self-care elective ("beneficial to the patient but not essential for survival"). */
const PRIORITY_OF_TRIAGE: Record<TriageLevel, { code: string; display: string }> = {
  emergency: { code: 'EM', display: 'emergency' },
  urgent: { code: 'UR', display: 'urgent' },
  consult: { code: 'R', display: 'routine' },
  selfcare: { code: 'EL', display: 'elective' },
};
const TRIAGE_TEXT: Record<TriageLevel, string> = {
  emergency: 'Triage (advisory): emergency',
  urgent: 'Triage (advisory): urgent',
  consult: 'Triage (advisory): see a practitioner',
  selfcare: 'Triage (advisory): self-care',
};

function triagePriority(e: EncounterRow): CodeableConcept | undefined {
  const stored = Triage.safeParse(e.suggestions[0]?.triage);
  if (!stored.success) return undefined;
  const level = stored.data.level;
  return { coding: [{ system: ACT_PRIORITY_SYSTEM, ...PRIORITY_OF_TRIAGE[level] }], text: TRIAGE_TEXT[level] };
}

/** Every state before "closed" is a visit still in progress. */
export function toFhirEncounter(e: EncounterRow): Encounter {
  const finished = e.status === 'closed';
  const priority = triagePriority(e);
  return {
    resourceType: 'Encounter',
    id: e.id,
    meta: { lastUpdated: e.updatedAt.toISOString() },
    status: finished ? 'finished' : 'in-progress',
    class: { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' },
    subject: patientRef(e.patientId),
    period: {
      start: e.createdAt.toISOString(),
      ...(finished ? { end: e.updatedAt.toISOString() } : {}),
    },
    reasonCode: [{ text: e.complaint }],
    ...(priority ? { priority } : {}),
    ...(e.diagnosis ? { diagnosis: [{ condition: { reference: `Condition/${e.diagnosis.id}` } }] } : {}),
  };
}

const coding = (system: string, code: string, display?: string): Coding => ({
  system,
  code,
  ...(display ? { display } : {}),
});

/** Our disease code, then the NUMC, ICD-11 TM2 and ICD-10 codes the disease has (displays from the served systems;
 *  ICD-10's titles are not held here, so that coding has none). How each relates to the disease: the ConceptMaps. */
export function toFhirCondition(c: ConditionRow): Condition {
  const d = c.disease;
  return {
    resourceType: 'Condition',
    id: c.id,
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL_SYSTEM, code: 'active', display: 'Active' }] },
    verificationStatus: {
      coding: [{ system: CONDITION_VERIFICATION_SYSTEM, code: 'confirmed', display: 'Confirmed' }],
    },
    category: [
      { coding: [{ system: CONDITION_CATEGORY_SYSTEM, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] },
    ],
    code: {
      coding: [
        { system: DISEASES_SYSTEM, code: d.code, display: d.englishName },
        ...(d.numcCode ? [coding(NUMC_SYSTEM, d.numcCode, numcDisplay(d.numcCode))] : []),
        ...(d.icd11Code ? [coding(ICD11_SYSTEM, d.icd11Code, tm2Display(d.icd11Code))] : []),
        ...(d.icd10Code ? [coding(ICD10_SYSTEM, d.icd10Code)] : []),
      ],
      text: `${d.name} (${d.englishName})`,
    },
    subject: patientRef(c.encounter.patientId),
    encounter: encounterRef(c.encounter.id),
    recordedDate: c.createdAt.toISOString(),
    ...(c.note ? { note: [{ text: c.note }] } : {}),
  };
}

/** Details FHIR has no plain element for (uncertainty, severity, duration) are kept as notes. */
function findingNotes(f: ObservationRow): { text: string }[] {
  return [
    ...(f.uncertain ? [{ text: 'Reported as uncertain.' }] : []),
    ...(f.severity ? [{ text: `Severity: ${f.severity}.` }] : []),
    ...(f.durationDays !== null ? [{ text: `Duration: ${f.durationDays} day(s).` }] : []),
  ];
}

export function toFhirObservation(f: ObservationRow): Observation {
  const notes = findingNotes(f);
  const reported = f.symptom.kind === 'symptom';
  return {
    resourceType: 'Observation',
    id: String(f.id),
    status: 'final',
    category: [
      {
        coding: [
          reported
            ? { system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }
            : { system: OBSERVATION_CATEGORY_SYSTEM, code: 'exam', display: 'Exam' },
        ],
      },
    ],
    code: {
      coding: [{ system: SYMPTOMS_SYSTEM, code: f.symptom.code, display: f.symptom.name }],
      text: f.symptom.name,
    },
    subject: patientRef(f.encounter.patientId),
    encounter: encounterRef(f.encounter.id),
    effectiveDateTime: f.encounter.createdAt.toISOString(),
    valueBoolean: f.present,
    ...(notes.length ? { note: notes } : {}),
  };
}
