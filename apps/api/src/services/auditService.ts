// The audit trail: one row per request under /api, /fhir and /cds-services (plugins/audit.ts), saying who
// (account or API key, client address), what (route pattern, method, action and record), and how it ended.
import type { DbTx } from '../db/prisma.ts';

export type AuditOutcome = 'ok' | 'denied' | 'not_found' | 'gone' | 'invalid' | 'throttled' | 'error';

export interface AuditEntry {
  actorId: string | null;
  actorKind: 'user' | 'apiKey' | 'client' | 'anonymous' | 'patientLink';
  action: string;
  entity: string;
  entityId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  apiKeyId?: string | null;
  /** The registered client whose token or signed JWT made the request. */
  apiClientId?: string | null;
  clientIp?: string | null;
  method?: string | null;
  route?: string | null;
  status?: number | null;
}

export async function recordAudit(db: DbTx, entry: AuditEntry): Promise<void> {
  // createMany: one INSERT, where create would read the stored row back.
  await db.auditLog.createMany({ data: entry });
}
