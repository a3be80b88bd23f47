// Group commit for the audit rows written outside a change's own transaction (reads, refusals, stateless routes):
// the rows of requests answered at the same moment go into one multi-row INSERT, and each request still waits
// until its own row is stored before it is answered (decision 0019). While one INSERT runs, the next rows queue
// for the following one, so under load one commit serves many requests instead of one each.
import type { Db } from '../db/prisma.ts';
import type { AuditEntry } from './auditService.ts';

/** Rows per INSERT at the most (a statement of a few hundred short rows). */
const MAX_ROWS = 200;

/** Every column a request's row fills; `id` and `createdAt` are the database's. */
const COLUMNS = [
  'actorId',
  'actorKind',
  'action',
  'entity',
  'entityId',
  'outcome',
  'requestId',
  'apiKeyId',
  'apiClientId',
  'clientIp',
  'method',
  'route',
  'status',
] as const satisfies readonly (keyof AuditEntry)[];

const rowPlaceholders = `(${COLUMNS.map(() => '?').join(', ')})`;
const insertHead = `INSERT INTO \`AuditLog\` (${COLUMNS.map((c) => `\`${c}\``).join(', ')}) VALUES `;
const statements = new Map<number, string>();

/**
 * One parameterised INSERT for `rows` rows. Written as SQL rather than `createMany`: Prisma compiles a query plan
 * for every distinct row count, which cost more of the server's time than the engine's own work on a diagnosis.
 */
function insertStatement(rows: number): string {
  let sql = statements.get(rows);
  if (!sql) {
    sql = insertHead + Array.from({ length: rows }, () => rowPlaceholders).join(', ');
    statements.set(rows, sql);
  }
  return sql;
}

interface Waiting {
  entry: AuditEntry;
  done: () => void;
  failed: (error: unknown) => void;
}

export interface AuditBatch {
  /** Resolves once the row is stored; rejects if it could not be. */
  write(entry: AuditEntry): Promise<void>;
}

export function createAuditBatch(db: Db): AuditBatch {
  let queue: Waiting[] = [];
  let writing = false;

  async function store(batch: Waiting[]) {
    try {
      const values = batch.flatMap((w) => COLUMNS.map((column) => w.entry[column] ?? null));
      await db.$executeRawUnsafe(insertStatement(batch.length), ...values);
      for (const w of batch) w.done();
    } catch (error) {
      if (batch.length === 1) return batch[0]?.failed(error);
      // One bad row must not fail its neighbours' requests: each is tried alone.
      await Promise.all(
        batch.map((w) =>
          db.auditLog.create({ data: w.entry }).then(
            () => w.done(),
            (alone: unknown) => w.failed(alone),
          ),
        ),
      );
    }
  }

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_ROWS);
      queue = queue.slice(batch.length);
      await store(batch);
    }
    writing = false;
  }

  return {
    write(entry) {
      return new Promise<void>((done, failed) => {
        queue.push({ entry, done, failed });
        // The first row waits one turn of the event loop for the rows of requests answered alongside it.
        if (!writing) {
          writing = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
