import { describe, expect, it } from 'vitest';
import type { Db } from '../db/prisma.ts';
import { createAuditBatch } from './auditBatch.ts';
import type { AuditEntry } from './auditService.ts';

const entry = (requestId: string): AuditEntry => ({
  actorId: null,
  actorKind: 'anonymous',
  action: 'http.request',
  entity: 'route',
  entityId: null,
  outcome: 'ok',
  requestId,
});

/** Columns per row in the batch's INSERT, and where the request id sits among them. */
const COLUMNS_PER_ROW = 13;
const REQUEST_ID_COLUMN = 6;

/** A stand-in for the client: records each statement's request ids; `bad` rows make a statement fail. */
function fakeDb(bad = new Set<string>()) {
  const statements: string[][] = [];
  const stored: string[] = [];
  const insert = async (rows: AuditEntry[]) => {
    await new Promise((done) => setTimeout(done, 5));
    statements.push(rows.map((r) => r.requestId ?? ''));
    if (rows.some((r) => bad.has(r.requestId ?? ''))) throw new Error('bad row');
    stored.push(...rows.map((r) => r.requestId ?? ''));
  };
  const db = {
    // The batch's multi-row INSERT: one placeholder group per row, values in column order.
    $executeRawUnsafe: (sql: string, ...values: unknown[]) => {
      const rows = values.length / COLUMNS_PER_ROW;
      expect(sql.startsWith('INSERT INTO `AuditLog`')).toBe(true);
      expect(sql.match(/\(\?/g)).toHaveLength(rows);
      return insert(
        Array.from({ length: rows }, (_, i) => ({
          ...entry(String(values[i * COLUMNS_PER_ROW + REQUEST_ID_COLUMN])),
        })),
      );
    },
    auditLog: {
      createMany: ({ data }: { data: AuditEntry[] }) => insert(data),
      create: ({ data }: { data: AuditEntry }) => insert([data]),
    },
  } as unknown as Db;
  return { db, statements, stored };
}

describe('audit rows written together', () => {
  it('stores the rows of requests answered at once in one statement, and resolves each once stored', async () => {
    const { db, statements, stored } = fakeDb();
    const batch = createAuditBatch(db);
    const writes = ['a', 'b', 'c', 'd'].map((id) => batch.write(entry(id)).then(() => stored.includes(id)));
    expect(await Promise.all(writes)).toEqual([true, true, true, true]);
    expect(statements).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('queues the rows that arrive while a statement runs for the next one', async () => {
    const { db, statements } = fakeDb();
    const batch = createAuditBatch(db);
    const first = batch.write(entry('a'));
    await new Promise((done) => setTimeout(done, 1));
    await Promise.all([first, batch.write(entry('b')), batch.write(entry('c'))]);
    expect(statements).toEqual([['a'], ['b', 'c']]);
  });

  it('fails only the bad row of a statement: the others are stored one by one', async () => {
    const { db, stored } = fakeDb(new Set(['b']));
    const batch = createAuditBatch(db);
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => batch.write(entry(id))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored.sort()).toEqual(['a', 'c']);
  });
});
