// The audit trail: who read or changed which patient record, when, and with what outcome.
import { isDatabaseUnavailable } from '../db/databaseErrors.ts';
import type { DbTx } from '../db/prisma.ts';
import { DomainError } from './domainErrors.ts';

export interface AuditEntry {
  actorId: string | null;
  actorKind: 'user' | 'apiKey' | 'anonymous' | 'patientLink';
  action: string;
  entity: string;
  entityId: string | null;
  outcome: 'ok' | 'denied' | 'not_found' | 'error';
  requestId: string | null;
}

export async function recordAudit(db: DbTx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry });
}

interface AuditContext {
  caller?: { kind: 'session' | 'apiKey'; user: { id: string } };
  id: string;
}

/** Runs `work` and records its outcome (ok, not_found, denied or error) in the audit trail. */
export async function withAudit<T>(
  db: DbTx,
  req: AuditContext,
  what: { action: string; entity: string; entityId?: string | null },
  work: () => Promise<T>,
): Promise<T> {
  const base = {
    actorId: req.caller?.user.id ?? null,
    actorKind: req.caller ? (req.caller.kind === 'apiKey' ? 'apiKey' : 'user') : 'anonymous',
    action: what.action,
    entity: what.entity,
    requestId: req.id,
  } as const;
  try {
    const result = await work();
    const createdId = (result as { id?: unknown } | undefined)?.id;
    await recordAudit(db, {
      ...base,
      entityId: what.entityId ?? (typeof createdId === 'string' ? createdId : null),
      outcome: 'ok',
    });
    return result;
  } catch (error) {
    // With the database away the audit row cannot be written either; trying would only delay the 503.
    if (isDatabaseUnavailable(error)) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    const notFound = (error instanceof DomainError && error.kind === 'not-found') || status === 404;
    const outcome = notFound ? 'not_found' : status === 403 ? 'denied' : 'error';
    await recordAudit(db, { ...base, entityId: what.entityId ?? null, outcome }).catch(() => undefined);
    throw error;
  }
}
