// The search parameters each FHIR resource type supports: one table drives the parsing of a search, the
// CapabilityStatement and the API reference, so what the server says it does and what it does cannot drift apart.

export type SearchParamType = 'string' | 'token' | 'reference' | 'date';

export interface SearchParameter {
  name: string;
  type: SearchParamType;
  /** Modifiers (`name:contains`) applied here; a search with any other modifier on this parameter is refused. */
  modifiers: readonly string[];
  documentation: string;
}

export const searchableTypes = ['Patient', 'Condition', 'Observation'] as const;
export type SearchableType = (typeof searchableTypes)[number];

/** Page size when the search names none, and the most one page holds (a larger `_count` is lowered to it). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

const DATE_FORMS = 'YYYY, YYYY-MM or YYYY-MM-DD (days in UTC), with the prefixes eq (default), lt, le, gt, ge.';

const id = (what: string): SearchParameter => ({
  name: '_id',
  type: 'token',
  modifiers: [],
  documentation: `The ${what}'s id (case-sensitive); ids separated by commas match any of them.`,
});

const patient: SearchParameter = {
  name: 'patient',
  type: 'reference',
  modifiers: [],
  documentation: 'One of your patients: its id, Patient/id or the absolute URL. Anyone else’s matches nothing.',
};

const subject: SearchParameter = {
  name: 'subject',
  type: 'reference',
  modifiers: ['Patient'],
  documentation:
    'The patient (the only kind of subject here): Patient/id, its id or the absolute URL; subject:Patient=id too.',
};

const encounter: SearchParameter = {
  name: 'encounter',
  type: 'reference',
  modifiers: [],
  documentation: 'One of your visits: its id, Encounter/id or the absolute URL. Anyone else’s matches nothing.',
};

export const searchParameters: Record<SearchableType, readonly SearchParameter[]> = {
  Patient: [
    id('patient'),
    {
      name: 'name',
      type: 'string',
      modifiers: ['contains', 'exact'],
      documentation:
        'The name, or any word of it, starts with the value (ignoring case and accents); name:contains matches anywhere, name:exact the whole name as written.',
    },
    {
      name: 'gender',
      type: 'token',
      modifiers: [],
      documentation: 'male | female | other | unknown (http://hl7.org/fhir/administrative-gender).',
    },
    {
      name: 'identifier',
      type: 'token',
      modifiers: [],
      documentation: 'The clinic number (exact): `number` or `https://unani-cdss.org/fhir/sid/clinic-number|number`.',
    },
    {
      name: 'birthdate',
      type: 'date',
      modifiers: [],
      documentation:
        'A recorded date of birth (not one estimated from an age): YYYY, YYYY-MM or YYYY-MM-DD, with the prefixes eq (default), lt, le, gt, ge.',
    },
  ],
  Condition: [
    id('diagnosis'),
    patient,
    subject,
    encounter,
    {
      name: 'code',
      type: 'token',
      modifiers: [],
      documentation:
        'The confirmed disease: our code (https://unani-cdss.org/fhir/CodeSystem/diseases), its NUMC, ICD-11 or ICD-10 code where the disease has one; code, system|code or system|.',
    },
    {
      name: 'recorded-date',
      type: 'date',
      modifiers: [],
      documentation: `When the diagnosis was confirmed: ${DATE_FORMS}`,
    },
  ],
  Observation: [
    id('finding'),
    patient,
    subject,
    encounter,
    {
      name: 'code',
      type: 'token',
      modifiers: [],
      documentation:
        'The symptom or sign (https://unani-cdss.org/fhir/CodeSystem/symptoms), present or absent; code, system|code or system|.',
    },
    {
      name: 'date',
      type: 'date',
      modifiers: [],
      documentation: `When it was recorded (the visit's start): ${DATE_FORMS}`,
    },
  ],
};
