// Name search over the knowledge base: paged lists of diseases, symptoms, single drugs and formulations,
// and one ranked search across them, answered from the in-memory index of knowledgeIndex.ts.
import type { KnowledgeEntryType, KnowledgeSearchHit, ListQuery, Temperament } from '@unani/contracts';
import { normaliseName } from '@unani/knowledge';
import type { DbTx } from '../db/prisma.ts';
import { invalid } from './domainErrors.ts';
import { type Entry, knowledgeIndexOf } from './knowledgeIndex.ts';

/** 0 for a whole name, 1 for the start of a name, 2 for a part of one; undefined when nothing matches. */
function matchRank(keys: string[], wanted: string): number | undefined {
  let best: number | undefined;
  for (const key of keys) {
    const rank = key === wanted ? 0 : key.startsWith(wanted) ? 1 : key.includes(wanted) ? 2 : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

// ───────────── Offset cursors ─────────────

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset a cursor stands for; a cursor this server did not hand out is a 400 naming the field. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || encodeCursor(Number(match[1])) !== cursor) {
    throw invalid('The cursor is invalid; pass the nextCursor of a previous page.', [
      { field: 'querystring.cursor', message: 'not a cursor handed out by this list' },
    ]);
  }
  return Number(match[1]);
}

function page<V>(entries: Entry<V>[], query: ListQuery & { q?: string }, keep: (item: V) => boolean) {
  const wanted = query.q ? normaliseName(query.q) : undefined;
  const matching = entries.filter(
    (e) => keep(e.item) && (wanted === undefined || (wanted !== '' && matchRank(e.keys, wanted) !== undefined)),
  );
  const offset = decodeCursor(query.cursor);
  const items = matching.slice(offset, offset + query.limit).map((e) => e.item);
  const next = offset + query.limit;
  return { items, nextCursor: next < matching.length ? encodeCursor(next) : null };
}

const typeOrder: Record<KnowledgeEntryType, number> = { disease: 0, symptom: 1, 'single-drug': 2, formulation: 3 };

/** Lists and search over the knowledge of one database; create one per server, it holds the index. */
export function createKnowledgeSearch(db: DbTx, options: { recheckAfterMs?: number } = {}) {
  const index = knowledgeIndexOf(db, options.recheckAfterMs);

  return {
    /** Changes whenever the knowledge tables change (checked at most every few seconds). */
    async version() {
      return (await index()).version;
    },
    async diseases(query: ListQuery & { q?: string; organSystem?: string; temperament?: Temperament }) {
      return page(
        (await index()).diseases,
        query,
        (d) =>
          (!query.organSystem || d.organSystem === query.organSystem) &&
          (!query.temperament || d.temperaments.includes(query.temperament)),
      );
    },
    async symptoms(query: ListQuery & { q?: string; kind?: string }) {
      return page((await index()).symptoms, query, (s) => !query.kind || s.kind === query.kind);
    },
    async singleDrugs(query: ListQuery & { q?: string }) {
      return page((await index()).singleDrugs, query, () => true);
    },
    async formulations(query: ListQuery & { q?: string; dosageForm?: string }) {
      return page((await index()).formulations, query, (f) => !query.dosageForm || f.dosageForm === query.dosageForm);
    },
    /** Every kind at once, best matches first; ties go to diseases, then symptoms, drugs, formulations, by name. */
    async search(q: string, limit: number): Promise<KnowledgeSearchHit[]> {
      const wanted = normaliseName(q);
      if (!wanted) return [];
      const idx = await index();
      const kinds: [KnowledgeEntryType, Entry<{ code: string; name: string }>[]][] = [
        ['disease', idx.diseases],
        ['symptom', idx.symptoms],
        ['single-drug', idx.singleDrugs],
        ['formulation', idx.formulations],
      ];
      const hits: (KnowledgeSearchHit & { rank: number })[] = [];
      for (const [type, entries] of kinds) {
        for (const e of entries) {
          const rank = matchRank(e.keys, wanted);
          if (rank !== undefined) hits.push({ type, code: e.code, name: e.name, detail: e.detail, rank });
        }
      }
      return hits
        .sort(
          (a, b) =>
            a.rank - b.rank ||
            typeOrder[a.type] - typeOrder[b.type] ||
            a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
        )
        .slice(0, limit)
        .map(({ rank: _rank, ...hit }) => hit);
    },
  };
}
export type KnowledgeSearch = ReturnType<typeof createKnowledgeSearch>;
