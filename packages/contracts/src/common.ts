// Shapes shared by many routes: problem documents, pagination, ids.
import { z } from 'zod';

/** RFC 9457 problem details; `errors` names each invalid field. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `?limit&cursor` on every list; the cursor is opaque to clients. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const IdParam = z.object({ id: z.string().min(1).max(64) });
export type IdParam = z.infer<typeof IdParam>;

export const CodeParam = z.object({ code: z.string().min(1).max(191) });
export type CodeParam = z.infer<typeof CodeParam>;

export { ADVISORY_NOTICE } from './notices.ts';
