// Keyset pagination helpers: fetch one row more than asked to know whether a next page exists.
import type { ListQuery } from '@unani/contracts';

export function pageArgs(query: ListQuery) {
  return {
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  };
}

export function toPage<T extends { id: string }, V>(rows: T[], query: ListQuery, view: (row: T) => V) {
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  return { items: items.map(view), nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
