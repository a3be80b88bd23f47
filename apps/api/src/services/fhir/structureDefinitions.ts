// The one StructureDefinition of ours: the patient-age extension.
//
// Only a patient's age in years is recorded. The standard alternatives were weighed and refused: a birthDate
// computed from the age would state a date nobody gave (wrong by up to a year, presented as fact), and R4 has no
// core extension for an age on Patient (an Observation of LOINC 30525-0 "Age" is the standard form, but it would be a
// second resource per patient, dated, for a fact that belongs to the Patient the way this app records it). So the age
// stays in an extension, and its definition is served here, at the URL the extension names, and listed in the
// CapabilityStatement, so that the URL resolves to what it means.
import { FHIR_VERSION, type StructureDefinition } from './resources.ts';
import { PATIENT_AGE_EXTENSION } from './systems.ts';

export const structureDefinitionIds = ['patient-age'] as const;
export type StructureDefinitionId = (typeof structureDefinitionIds)[number];
export const isStructureDefinitionId = (id: string): id is StructureDefinitionId =>
  (structureDefinitionIds as readonly string[]).includes(id);

const patientAge: StructureDefinition = {
  resourceType: 'StructureDefinition',
  id: 'patient-age',
  url: PATIENT_AGE_EXTENSION,
  version: '1.0.0',
  name: 'PatientAge',
  title: 'Patient age (years)',
  status: 'active',
  experimental: false,
  date: '2026-12-01',
  publisher: 'Unani CDSS',
  description:
    'The patient’s age in completed years as told at registration, for a patient whose birth date is not recorded (this app records an age, never a birth date). An Age quantity in UCUM years (code "a").',
  fhirVersion: FHIR_VERSION,
  kind: 'complex-type',
  abstract: false,
  context: [{ type: 'element', expression: 'Patient' }],
  type: 'Extension',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
  derivation: 'constraint',
  differential: {
    element: [
      {
        id: 'Extension',
        path: 'Extension',
        short: 'Age in years',
        definition: 'The patient’s age in completed years as recorded; no birth date is implied.',
        max: '1',
      },
      { id: 'Extension.extension', path: 'Extension.extension', max: '0' },
      { id: 'Extension.url', path: 'Extension.url', fixedUri: PATIENT_AGE_EXTENSION },
      { id: 'Extension.value[x]', path: 'Extension.value[x]', min: 1, type: [{ code: 'Age' }] },
    ],
  },
};

export function structureDefinition(id: StructureDefinitionId): StructureDefinition {
  switch (id) {
    case 'patient-age':
      return patientAge;
  }
}

export const structureDefinitionIdOf = (url: string) =>
  structureDefinitionIds.find((id) => structureDefinition(id).url === url);
