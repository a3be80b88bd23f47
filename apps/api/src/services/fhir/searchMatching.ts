// Pieces shared by the FHIR search queries: a filter that matches nothing, the ids and codes criteria name, LIKE
// escaping, and exact (case-sensitive) id matching on MariaDB's case-insensitive collation.
import type { Criterion, DateValue } from './searchRequest.ts';

/** The referenced patients and visits that are the practitioner's own, by exact id. */
export interface OwnedReferences {
  patients: ReadonlySet<string>;
  encounters: ReadonlySet<string>;
}

/** A filter no row passes: a value that cannot name anything of the practitioner's. */
export const NOTHING = { id: { in: [] as never[] } };

export { likeEscaped } from '../likePattern.ts';

/** The wanted ids among the rows found; the database compared them ignoring case, a FHIR id is case-sensitive. */
export function exactly(wanted: readonly string[], found: { id: string }[]): Set<string> {
  const asked = new Set(wanted);
  return new Set(found.map((r) => r.id).filter((id) => asked.has(id)));
}

/** The non-null values of the reference criteria named `names`. */
export function referencedIds(criteria: Criterion[], names: readonly string[]): string[] {
  return criteria.flatMap((c) =>
    c.type === 'reference' && names.includes(c.name) ? c.values.filter((v): v is string => v !== null) : [],
  );
}

/** The codes of token criteria named `name` given without a system or with one of `systems`. */
export function tokenCodes(criteria: Criterion[], name: string, systems: readonly string[] = []): string[] {
  return criteria.flatMap((c) =>
    c.type === 'token' && c.name === name
      ? c.values.flatMap((t) =>
          t.code !== undefined && (t.system === undefined || (t.system !== null && systems.includes(t.system)))
            ? [t.code]
            : [],
        )
      : [],
  );
}

/** The instants a date value covers, as a Prisma DateTime filter (days in UTC: `2020-05` is all of May). */
export function dateRange(d: DateValue): { gte?: Date; lt?: Date } {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  switch (d.prefix) {
    case 'eq':
      return { gte: day(d.from), lt: day(d.to) };
    case 'lt':
      return { lt: day(d.from) };
    case 'le':
      return { lt: day(d.to) };
    case 'gt':
      return { gte: day(d.to) };
    case 'ge':
      return { gte: day(d.from) };
  }
}
