// Group commit for the audit rows written outside a change's own transaction (reads, refusals, stateless routes):
// the rows of requests answered at the same moment go into one multi-row INSERT, and each request still waits
// until its own row is stored before it is answered (decision 0019). While one INSERT runs, the next rows queue
// for the following one, so under load one commit serves many requests instead of one each.
import type { Db } from '../db/prisma.ts';
import type { AuditEntry } from './auditService.ts';

/** Rows per INSERT at the most (a statement of a few hundred short rows). */
const MAX_ROWS = 200;

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
      await db.auditLog.createMany({ data: batch.map((w) => w.entry) });
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
