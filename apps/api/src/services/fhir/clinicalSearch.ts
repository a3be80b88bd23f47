// Condition (confirmed diagnosis) and Observation (finding) searches over the practitioner's own visits: by patient or
// subject, encounter, code, `_id` and date (the Condition's recorded-date, the Observation's date: its visit's), one
// page at a time in the order they were recorded.
import type { DbTx } from '../../db/prisma.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { conditionSelect, observationSelect, ownedVisit } from './clinicalRecords.ts';
import { toFhirCondition, toFhirObservation } from './patientResources.ts';
import type { Condition, Observation } from './resources.ts';
import { dateRange, exactly, NOTHING, type OwnedReferences, tokenCodes } from './searchMatching.ts';
import type { Criterion, SearchRequest, TokenValue } from './searchRequest.ts';
import { DISEASES_SYSTEM, ICD10_SYSTEM, ICD11_SYSTEM, NUMC_SYSTEM, SYMPTOMS_SYSTEM } from './systems.ts';

/** The systems of the codings a Condition carries: our disease code, and its NUMC, ICD-11 and ICD-10 codes. */
const DISEASE_SYSTEMS = [DISEASES_SYSTEM, NUMC_SYSTEM, ICD11_SYSTEM, ICD10_SYSTEM];
/** Finding ids are numbers; an id written any other way ("007") names no finding. */
const FINDING_ID = /^(0|[1-9]\d{0,14})$/;

interface DiseaseCodes {
  id: number;
  code: string;
  numcCode: string | null;
  icd11Code: string | null;
  icd10Code: string | null;
}

const page = (request: SearchRequest) => ({ skip: request.offset, take: request.count });

/** patient and subject name the visit's patient, encounter the visit; only the practitioner's own match. */
function visitMatch(c: Criterion, refs: OwnedReferences) {
  if (c.type !== 'reference') return NOTHING;
  return {
    OR: c.values.map((id) => {
      if (id === null) return NOTHING;
      if (c.name === 'encounter') return refs.encounters.has(id) ? { encounterId: id } : NOTHING;
      return refs.patients.has(id) ? { encounter: { patientId: id } } : NOTHING;
    }),
  };
}

/** NUMC, ICD-11 and ICD-10 codes are compared ignoring case; our own disease codes are case-sensitive, as their CodeSystem
 *  declares. */
const sameCode = (held: string | null, asked: string) => held !== null && held.toLowerCase() === asked.toLowerCase();

function diseaseMatch(t: TokenValue, diseases: DiseaseCodes[]): Prisma.DiagnosisWhereInput {
  const code = t.code;
  const those = (test: (d: DiseaseCodes) => boolean) => ({ diseaseId: { in: diseases.filter(test).map((d) => d.id) } });
  switch (t.system) {
    case undefined:
      return code === undefined
        ? NOTHING
        : those(
            (d) =>
              d.code === code ||
              sameCode(d.numcCode, code) ||
              sameCode(d.icd11Code, code) ||
              sameCode(d.icd10Code, code),
          );
    case DISEASES_SYSTEM:
      return code === undefined ? {} : those((d) => d.code === code);
    case NUMC_SYSTEM:
      return code === undefined ? { disease: { numcCode: { not: null } } } : those((d) => sameCode(d.numcCode, code));
    case ICD11_SYSTEM:
      return code === undefined ? { disease: { icd11Code: { not: null } } } : those((d) => sameCode(d.icd11Code, code));
    case ICD10_SYSTEM:
      return code === undefined ? { disease: { icd10Code: { not: null } } } : those((d) => sameCode(d.icd10Code, code));
    default:
      return NOTHING;
  }
}

async function diseasesNamed(db: DbTx, criteria: Criterion[]): Promise<DiseaseCodes[]> {
  const codes = tokenCodes(criteria, 'code', DISEASE_SYSTEMS);
  if (!codes.length) return [];
  return db.disease.findMany({
    where: {
      OR: [
        { code: { in: codes } },
        { numcCode: { in: codes } },
        { icd11Code: { in: codes } },
        { icd10Code: { in: codes } },
      ],
    },
    select: { id: true, code: true, numcCode: true, icd11Code: true, icd10Code: true },
  });
}

async function diagnosisIds(db: DbTx, criteria: Criterion[]): Promise<Set<string>> {
  const ids = tokenCodes(criteria, '_id');
  if (!ids.length) return new Set();
  return exactly(ids, await db.diagnosis.findMany({ where: { id: { in: ids } }, select: { id: true } }));
}

export async function searchConditions(
  db: DbTx,
  practitionerId: string,
  request: SearchRequest,
  refs: OwnedReferences,
): Promise<{ total: number; matches: Condition[] }> {
  const [diseases, ids] = await Promise.all([diseasesNamed(db, request.criteria), diagnosisIds(db, request.criteria)]);
  const match = (c: Criterion): Prisma.DiagnosisWhereInput => {
    if (c.type === 'date') return { OR: c.values.map((d) => ({ createdAt: dateRange(d) })) };
    if (c.type !== 'token') return visitMatch(c, refs);
    if (c.name === 'code') return { OR: c.values.map((t) => diseaseMatch(t, diseases)) };
    return {
      OR: c.values.map((t) => (t.system === undefined && t.code && ids.has(t.code) ? { id: t.code } : NOTHING)),
    };
  };
  const where: Prisma.DiagnosisWhereInput = { encounter: ownedVisit(practitionerId), AND: request.criteria.map(match) };
  const [total, rows] = await Promise.all([
    db.diagnosis.count({ where }),
    request.count === 0
      ? []
      : db.diagnosis.findMany({
          where,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          ...page(request),
          select: conditionSelect,
        }),
  ]);
  return { total, matches: rows.map(toFhirCondition) };
}

/** Symptom ids by code, matched exactly: the symptoms CodeSystem is case-sensitive. */
async function symptomIds(db: DbTx, criteria: Criterion[]): Promise<Map<string, number>> {
  const codes = tokenCodes(criteria, 'code', [SYMPTOMS_SYSTEM]);
  if (!codes.length) return new Map();
  const rows = await db.symptom.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.filter((r) => codes.includes(r.code)).map((r) => [r.code, r.id]));
}

function symptomMatch(t: TokenValue, ids: ReadonlyMap<string, number>): Prisma.FindingWhereInput {
  if (t.system !== undefined && t.system !== SYMPTOMS_SYSTEM) return NOTHING;
  if (t.code === undefined) return {};
  const id = ids.get(t.code);
  return id === undefined ? NOTHING : { symptomId: id };
}

function findingIdMatch(t: TokenValue): Prisma.FindingWhereInput {
  return t.system === undefined && t.code !== undefined && FINDING_ID.test(t.code) ? { id: Number(t.code) } : NOTHING;
}

export async function searchObservations(
  db: DbTx,
  practitionerId: string,
  request: SearchRequest,
  refs: OwnedReferences,
): Promise<{ total: number; matches: Observation[] }> {
  const symptoms = await symptomIds(db, request.criteria);
  const match = (c: Criterion): Prisma.FindingWhereInput => {
    if (c.type === 'date') return { OR: c.values.map((d) => ({ encounter: { createdAt: dateRange(d) } })) };
    if (c.type !== 'token') return visitMatch(c, refs);
    if (c.name === 'code') return { OR: c.values.map((t) => symptomMatch(t, symptoms)) };
    return { OR: c.values.map(findingIdMatch) };
  };
  const where: Prisma.FindingWhereInput = { encounter: ownedVisit(practitionerId), AND: request.criteria.map(match) };
  const [total, rows] = await Promise.all([
    db.finding.count({ where }),
    request.count === 0
      ? []
      : db.finding.findMany({ where, orderBy: { id: 'asc' }, ...page(request), select: observationSelect }),
  ]);
  return { total, matches: rows.map(toFhirObservation) };
}
