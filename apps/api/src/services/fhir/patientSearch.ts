// Patient search over the practitioner's own patients: `_id`, `name` (the name or a word of it starts with the value;
// `:contains`, `:exact`), `gender`, `identifier` (the clinic number) and `birthdate` (a recorded one), one page at a
// time, oldest patient first.
import type { DbTx } from '../../db/prisma.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { patientSelect } from './clinicalRecords.ts';
import { toFhirPatient } from './patientResources.ts';
import type { Patient } from './resources.ts';
import { dateRange, likeEscaped, NOTHING, type OwnedReferences } from './searchMatching.ts';
import type { Criterion, DateValue, SearchRequest, TokenValue } from './searchRequest.ts';
import { CLINIC_NUMBER_SYSTEM } from './systems.ts';

type Where = Prisma.PatientWhereInput;

const GENDER_SYSTEM = 'http://hl7.org/fhir/administrative-gender';
/** The administrative genders a patient here can have: every patient's sex is recorded, so none is "unknown". */
const RECORDED_SEXES = ['female', 'male', 'other'] as const;

function genderMatch(t: TokenValue): Where {
  if (t.system !== undefined && t.system !== GENDER_SYSTEM) return NOTHING;
  if (t.code === undefined) return {};
  const sex = RECORDED_SEXES.find((s) => s === t.code);
  return sex ? { sex } : NOTHING;
}

/** The collation ignores case and accents, as FHIR's default string match does; `:exact` is checked here instead. */
function nameMatch(value: string, modifier: string | undefined, exactNames: ReadonlyMap<string, string[]>): Where {
  if (modifier === 'exact') return { id: { in: exactNames.get(value) ?? [] } };
  const text = likeEscaped(value);
  if (modifier === 'contains') return { name: { contains: text } };
  // A name is one text here: a word of it starting with the value stands in for a given or family name.
  return { OR: [{ name: { startsWith: text } }, { name: { contains: ` ${text}` } }] };
}

function identifierMatch(t: TokenValue): Where {
  if (t.system !== undefined && t.system !== CLINIC_NUMBER_SYSTEM) return NOTHING;
  return t.code === undefined ? { clinicNumber: { not: null } } : { clinicNumber: t.code };
}

/** Only a recorded date of birth is searched: one estimated from an age is not sent as Patient.birthDate either. */
function birthDateMatch(d: DateValue): Where {
  return { birthDateEstimated: false, birthDate: dateRange(d) };
}

function criterionMatch(c: Criterion, refs: OwnedReferences, exactNames: ReadonlyMap<string, string[]>): Where {
  switch (c.type) {
    case 'string':
      return { OR: c.values.map((v) => nameMatch(v, c.modifier, exactNames)) };
    case 'token':
      if (c.name === 'gender') return { OR: c.values.map(genderMatch) };
      if (c.name === 'identifier') return { OR: c.values.map(identifierMatch) };
      return {
        OR: c.values.map((t) =>
          t.system === undefined && t.code !== undefined && refs.patients.has(t.code) ? { id: t.code } : NOTHING,
        ),
      };
    case 'reference':
      return NOTHING;
    case 'date':
      return { OR: c.values.map(birthDateMatch) };
  }
}

/** Ids of the patients named exactly (case and accents included) by each `name:exact` value. */
async function exactNameIds(db: DbTx, scope: Where, criteria: Criterion[]) {
  const names = criteria.flatMap((c) => (c.type === 'string' && c.modifier === 'exact' ? c.values : []));
  if (!names.length) return new Map<string, string[]>();
  const rows = await db.patient.findMany({
    where: { ...scope, name: { in: names } },
    select: { id: true, name: true },
  });
  return new Map(names.map((n) => [n, rows.filter((r) => r.name === n).map((r) => r.id)]));
}

export async function searchPatients(
  db: DbTx,
  practitionerId: string,
  request: SearchRequest,
  refs: OwnedReferences,
): Promise<{ total: number; matches: Patient[] }> {
  const scope: Where = { practitionerId, deletedAt: null };
  const exactNames = await exactNameIds(db, scope, request.criteria);
  const where: Where = { ...scope, AND: request.criteria.map((c) => criterionMatch(c, refs, exactNames)) };
  const [total, rows] = await Promise.all([
    db.patient.count({ where }),
    request.count === 0
      ? []
      : db.patient.findMany({
          where,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          skip: request.offset,
          take: request.count,
          select: patientSelect,
        }),
  ]);
  return { total, matches: rows.map(toFhirPatient) };
}
