// The audit row of the request being handled, reachable from a service's transaction: a request that changes
// data writes its row inside the transaction that makes the change, so the change and its row commit together.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DbTx } from '../db/prisma.ts';

export interface AuditScope {
  /** Writes the request's row with `tx`, given what the transaction's work returned (a created record). */
  writeIn(tx: DbTx, result: unknown): Promise<void>;
  /** Set once a transaction that wrote the row has committed: the request's row then exists. */
  committed: boolean;
}

const storage = new AsyncLocalStorage<AuditScope>();

/** Runs `next` (the rest of the request) with `scope` as the current audit scope. */
export function runInAuditScope(scope: AuditScope, next: () => void): void {
  storage.run(scope, next);
}

/** The scope whose row is still to be written, if this code runs for a request that changes data. */
export function pendingAuditScope(): AuditScope | undefined {
  const scope = storage.getStore();
  return scope && !scope.committed ? scope : undefined;
}
