// Multi-row writes in one interactive transaction, retried when InnoDB picks it as a deadlock victim
// (two visits saved at once can still collide on shared parent rows) instead of answering 500. The first
// transaction of a request that changes data also writes the request's audit row (services/auditScope.ts).
import { pendingAuditScope } from '../services/auditScope.ts';
import type { Db, DbTx } from './prisma.ts';

/** A deadlock victim is rolled back whole, so running it again is safe; three tries settle real collisions. */
const MAX_ATTEMPTS = 3;

/** Prisma's "write conflict or deadlock" code, and InnoDB's deadlock and lock-wait-timeout errors. */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.code === 'P2034') return true;
  const text = String(e.message ?? '');
  if (/deadlock|lock wait timeout|write conflict/i.test(text)) return true;
  return e.cause !== undefined && e.cause !== e && isTransactionConflict(e.cause);
}

export async function inTransaction<T>(db: Db, work: (tx: DbTx) => Promise<T>): Promise<T> {
  const audit = pendingAuditScope();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.$transaction(async (tx) => {
        const done = await work(tx);
        await audit?.writeIn(tx, done);
        return done;
      });
      if (audit) audit.committed = true;
      return result;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransactionConflict(error)) throw error;
    }
  }
}
