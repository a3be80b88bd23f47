// The audit trail: who read or changed which patient record, when, and with what outcome. Routes declare
// `config.audit` and plugins/audit.ts writes the row; the shared-note route records its own.
import type { DbTx } from '../db/prisma.ts';

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
