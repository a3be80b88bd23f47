// The server's CapabilityStatement: which resources, interactions, searches and operations /fhir offers.
import { type CapabilityStatement, FHIR_VERSION } from './resources.ts';

const read = { code: 'read' };
const searchType = { code: 'search-type' };
const patientParam = {
  name: 'patient',
  type: 'reference',
  documentation: 'The patient (id or Patient/id); required unless encounter is given',
};
const encounterParam = { name: 'encounter', type: 'reference', documentation: 'The visit (id or Encounter/id)' };
const lookup = { name: 'lookup', definition: 'http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup' };
const everything = { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Encounter-everything' };

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
        security: {
          description:
            'CodeSystems and metadata are public. Patient data is for the signed-in practitioner who owns it (session cookie).',
        },
        resource: [
          {
            type: 'CodeSystem',
            interaction: [read, searchType],
            searchParam: [{ name: 'url', type: 'uri' }],
            operation: [lookup],
          },
          { type: 'Patient', interaction: [read] },
          { type: 'Encounter', interaction: [read], operation: [everything] },
          { type: 'Condition', interaction: [read, searchType], searchParam: [patientParam, encounterParam] },
          { type: 'Observation', interaction: [read, searchType], searchParam: [patientParam, encounterParam] },
        ],
      },
    ],
  };
}
