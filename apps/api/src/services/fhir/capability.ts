// The server's CapabilityStatement: which resources, interactions, searches and operations /fhir offers. The search
// parameters come from the table the searches themselves use (searchParameters.ts).
import { type CapabilityStatement, FHIR_VERSION } from './resources.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type SearchableType, searchParameters } from './searchParameters.ts';

const read = { code: 'read' };
const searchType = { code: 'search-type' };
const lookup = { name: 'lookup', definition: 'http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup' };
const codeSystemValidate = {
  name: 'validate-code',
  definition: 'http://hl7.org/fhir/OperationDefinition/CodeSystem-validate-code',
};
const expand = { name: 'expand', definition: 'http://hl7.org/fhir/OperationDefinition/ValueSet-expand' };
const valueSetValidate = {
  name: 'validate-code',
  definition: 'http://hl7.org/fhir/OperationDefinition/ValueSet-validate-code',
};
const translate = { name: 'translate', definition: 'http://hl7.org/fhir/OperationDefinition/ConceptMap-translate' };
const byUrl = [{ name: 'url', type: 'uri', documentation: 'The canonical URL (exact).' }];
const everything = { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Encounter-everything' };
const patientEverything = {
  name: 'everything',
  definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
};

const searchParamsOf = (type: SearchableType) =>
  searchParameters[type].map((p) => ({
    name: p.name,
    type: p.type,
    documentation: p.modifiers.length
      ? `${p.documentation} Modifiers: ${p.modifiers.map((m) => `:${m}`).join(', ')}.`
      : p.documentation,
  }));

const SEARCH_DOCUMENTATION = [
  `Searches: GET [type]?parameters, or POST [type]/_search with the parameters as an application/x-www-form-urlencoded body.`,
  `Repeated parameters must all match, comma-separated values any. Pages hold _count matches (${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE});`,
  'Bundle.total counts every match and the next, previous, first and last links page with _offset. _count=0 or',
  '_summary=count answers the total only. Unknown parameters are ignored and named in an OperationOutcome entry',
  '(search.mode outcome), or refused with 400 under "Prefer: handling=strict"; an unsupported modifier is always',
  'refused. A patient or visit that is unknown or not yours matches nothing. No _include, _revinclude, _sort or',
  'chained parameters.',
  'Terminology operations ($lookup, $validate-code, $expand, $translate) take their inputs as query parameters (GET) or',
  'as a Parameters resource (POST, application/fhir+json or application/json). $expand pages with offset and count',
  '(the whole expansion when count is absent, at most 1000 a page) and filters on every word of filter;',
  'expansion.total counts every match.',
].join(' ');

/** `base` is where /fhir is served; `date` when this statement was produced. */
export function capabilityStatement(base: string, date: Date): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: date.toISOString(),
    publisher: 'Unani CDSS',
    kind: 'instance',
    software: { name: 'Unani CDSS' },
    implementation: { description: 'Unani CDSS FHIR R4 interface (read-only)', url: base },
    fhirVersion: FHIR_VERSION,
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation: SEARCH_DOCUMENTATION,
        security: {
          description:
            'Terminology (CodeSystem, ValueSet, ConceptMap, StructureDefinition and their operations) and metadata are public. Patient data is for the practitioner who owns it: signed in (session cookie; a POST search also sends the session’s CSRF token in the x-csrf-token header), or through an API key of theirs with the scope fhir:read, or a registered client’s access token, sent as "Authorization: Bearer <token>".',
        },
        resource: [
          {
            type: 'CodeSystem',
            interaction: [read, searchType],
            searchParam: byUrl,
            operation: [lookup, codeSystemValidate],
          },
          {
            type: 'ValueSet',
            interaction: [read, searchType],
            searchParam: byUrl,
            operation: [expand, valueSetValidate],
          },
          { type: 'ConceptMap', interaction: [read, searchType], searchParam: byUrl, operation: [translate] },
          { type: 'StructureDefinition', interaction: [read, searchType], searchParam: byUrl },
          {
            type: 'Patient',
            interaction: [read, searchType],
            searchParam: searchParamsOf('Patient'),
            operation: [patientEverything],
          },
          { type: 'Encounter', interaction: [read], operation: [everything] },
          { type: 'Condition', interaction: [read, searchType], searchParam: searchParamsOf('Condition') },
          { type: 'Observation', interaction: [read, searchType], searchParam: searchParamsOf('Observation') },
        ].map((resource) => ({ ...resource, conditionalRead: 'not-match' as const })),
      },
    ],
  };
}
