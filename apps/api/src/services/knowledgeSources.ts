// The sources of the knowledge base and the citations that tie entries to them.
import type { CitationView, SourceView } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';

/** `Citation.entity` values written by the seeder. */
export type CitedEntity = 'disease' | 'protocol' | 'symptom' | 'single_drug' | 'formulation';

const sourceSelect = { code: true, title: true, author: true, publisher: true, year: true, url: true } as const;

/** The sources cited by the given entries, in one query, grouped by `entity:code`. */
export async function citations(db: DbTx, wanted: { entity: CitedEntity; code: string }[]) {
  const rows = await db.citation.findMany({
    where: { OR: wanted.map((w) => ({ entity: w.entity, entityCode: w.code })) },
    select: { entity: true, entityCode: true, locator: true, source: { select: sourceSelect } },
    orderBy: { id: 'asc' },
  });
  const grouped = new Map<string, CitationView[]>();
  for (const row of rows) {
    const key = `${row.entity}:${row.entityCode}`;
    grouped.set(key, [...(grouped.get(key) ?? []), { ...row.source, locator: row.locator }]);
  }
  return (entity: CitedEntity, code: string) => grouped.get(`${entity}:${code}`) ?? [];
}

/** Every source of the knowledge base; a short list, so not paged. */
export async function listSources(db: DbTx): Promise<SourceView[]> {
  return db.source.findMany({ select: { ...sourceSelect, note: true }, orderBy: { title: 'asc' } });
}
