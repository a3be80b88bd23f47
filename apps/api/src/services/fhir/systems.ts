// Canonical URLs of the code systems and extensions our FHIR resources use.

/** Our own canonical base; CodeSystem urls are identifiers, not where the server runs. */
const CANONICAL_BASE = 'https://unani-cdss.org/fhir';

export const CANONICAL = CANONICAL_BASE;
export const DISEASES_SYSTEM = `${CANONICAL_BASE}/CodeSystem/diseases`;
export const SYMPTOMS_SYSTEM = `${CANONICAL_BASE}/CodeSystem/symptoms`;
/** The patient's age in years, which this server serves as a StructureDefinition (structureDefinitions.ts). */
export const PATIENT_AGE_EXTENSION = `${CANONICAL_BASE}/StructureDefinition/patient-age`;

/**
 * NAMASTE's National Unani Morbidity Codes (Ministry of AYUSH). Neither HL7's terminology registry nor the Ministry
 * nor India's ABDM FHIR guide defines a FHIR URI for NUMC, and data/external/PROVENANCE.md names none, so the URI is
 * ours, under the canonical base we control, as FHIR advises when a code system's publisher has defined none: a URL
 * on the Ministry's own site (formerly http://namaste.ayush.gov.in/numc) would claim an identifier its owner never
 * issued and could clash with one it issues later. Should an official URI appear, this constant is the one place to
 * change.
 */
export const NUMC_SYSTEM = `${CANONICAL_BASE}/CodeSystem/namaste-numc`;
/** ICD-11 MMS (TM2, Chapter 26, is part of it); WHO's canonical URI for the linearization. */
export const ICD11_SYSTEM = 'http://id.who.int/icd/release/11/mms';
/** WHO ICD-10, as HL7's terminology registry names it. */
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
/** BCP-47 language tags. */
export const BCP47_SYSTEM = 'urn:ietf:bcp:47';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
/** SNOMED CT "Synonym", the designation use FHIR examples give for synonyms. */
export const SYNONYM_USE = { system: SNOMED_SYSTEM, code: '900000000000013009', display: 'Synonym' };
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** A practitioner's own patient numbers (Patient.identifier); unique among that practitioner's patients. */
export const CLINIC_NUMBER_SYSTEM = `${CANONICAL_BASE}/sid/clinic-number`;

export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const OBSERVATION_INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** Encounter.priority's value set (R4 "ActPriority"): how soon care is needed. */
export const ACT_PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActPriority';
