// FHIR searches of a practitioner's own records (Patient, Condition, Observation): reads the parameters, finds which
// referenced patients and visits are the practitioner's, runs the type's query and answers one searchset page. A
// patient or visit that is unknown or someone else's matches nothing: an empty Bundle, never a hint that it exists.
import type { DbTx } from '../../db/prisma.ts';
import { searchset } from './bundle.ts';
import { ownedVisit } from './clinicalRecords.ts';
import { searchConditions, searchObservations } from './clinicalSearch.ts';
import { ignoredParameters } from './operationOutcome.ts';
import { searchPatients } from './patientSearch.ts';
import type { Bundle } from './resources.ts';
import { searchLinks } from './searchLinks.ts';
import { exactly, type OwnedReferences, referencedIds, tokenCodes } from './searchMatching.ts';
import type { SearchableType } from './searchParameters.ts';
import { type Handling, parseSearch, type RawSearchParams, type SearchRequest } from './searchRequest.ts';

export interface SearchInput {
  params: RawSearchParams;
  /** The server's FHIR base URL, for links, fullUrls and absolute references. */
  base: string;
  handling: Handling;
}

/** The one patient or visit a search is about, if it names exactly one, and whether it is the practitioner's. */
export interface SearchSubject {
  entity: 'patient' | 'encounter';
  id: string;
  found: boolean;
}

export interface SearchResult {
  bundle: Bundle;
  subject?: SearchSubject;
}

function patientIdsOf(request: SearchRequest): string[] {
  const ids = referencedIds(request.criteria, ['patient', 'subject']);
  return request.type === 'Patient' ? [...ids, ...tokenCodes(request.criteria, '_id')] : ids;
}

async function ownedReferences(db: DbTx, practitionerId: string, request: SearchRequest): Promise<OwnedReferences> {
  const patientIds = patientIdsOf(request);
  const encounterIds = referencedIds(request.criteria, ['encounter']);
  const [patients, encounters] = await Promise.all([
    patientIds.length
      ? db.patient.findMany({
          where: { id: { in: patientIds }, practitionerId, deletedAt: null },
          select: { id: true },
        })
      : [],
    encounterIds.length
      ? db.encounter.findMany({
          where: { id: { in: encounterIds }, ...ownedVisit(practitionerId) },
          select: { id: true },
        })
      : [],
  ]);
  return { patients: exactly(patientIds, patients), encounters: exactly(encounterIds, encounters) };
}

/** The visit when the search names exactly one (and nothing else as visit), else likewise the patient. */
function subjectOf(request: SearchRequest, refs: OwnedReferences): SearchSubject | undefined {
  const only = (ids: string[]) => (new Set(ids).size === 1 ? ids[0] : undefined);
  const unmatchable = request.criteria.some((c) => c.type === 'reference' && c.values.includes(null));
  if (unmatchable) return undefined;
  const encounter = only(referencedIds(request.criteria, ['encounter']));
  if (encounter) return { entity: 'encounter', id: encounter, found: refs.encounters.has(encounter) };
  const patient = only(patientIdsOf(request));
  return patient ? { entity: 'patient', id: patient, found: refs.patients.has(patient) } : undefined;
}

function runQuery(db: DbTx, practitionerId: string, request: SearchRequest, refs: OwnedReferences) {
  switch (request.type) {
    case 'Patient':
      return searchPatients(db, practitionerId, request, refs);
    case 'Condition':
      return searchConditions(db, practitionerId, request, refs);
    case 'Observation':
      return searchObservations(db, practitionerId, request, refs);
  }
}

/** One page of the search; throws `invalid` (400) for a malformed search or, under strict handling, an unknown
 *  parameter. */
export async function searchRecords(
  db: DbTx,
  practitionerId: string,
  type: SearchableType,
  input: SearchInput,
): Promise<SearchResult> {
  const request = parseSearch(type, input.params, input);
  const refs = await ownedReferences(db, practitionerId, request);
  const { total, matches } = await runQuery(db, practitionerId, request, refs);
  const outcome = request.ignored.length ? { outcome: ignoredParameters(type, request.ignored) } : {};
  const bundle = searchset(input.base, searchLinks(`${input.base}/${type}`, request, total), matches, {
    total,
    ...outcome,
  });
  const subject = subjectOf(request, refs);
  return subject ? { bundle, subject } : { bundle };
}
