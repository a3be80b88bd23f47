// Canonical URLs of the code systems and extensions our FHIR resources use.

/** Our own canonical base; CodeSystem urls are identifiers, not where the server runs. */
const CANONICAL_BASE = 'https://unani-cdss.org/fhir';

export const DISEASES_SYSTEM = `${CANONICAL_BASE}/CodeSystem/diseases`;
export const SYMPTOMS_SYSTEM = `${CANONICAL_BASE}/CodeSystem/symptoms`;
/** How a designation is used: the Unani (transliterated) name of a concept. */
export const DESIGNATION_USE_SYSTEM = `${CANONICAL_BASE}/CodeSystem/designation-use`;
export const PATIENT_AGE_EXTENSION = `${CANONICAL_BASE}/StructureDefinition/patient-age`;

/** NAMASTE Morbidity Codes (Ministry of AYUSH). */
export const NUMC_SYSTEM = 'http://namaste.ayush.gov.in/numc';
export const ICD11_SYSTEM = 'http://id.who.int/icd/release/11/mms';
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
/** SNOMED CT "Synonym", the designation use FHIR examples give for synonyms. */
export const SYNONYM_USE = { system: SNOMED_SYSTEM, code: '900000000000013009', display: 'Synonym' };
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const OBSERVATION_INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** Encounter.priority's value set (R4 "ActPriority"): how soon care is needed. */
export const ACT_PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActPriority';
