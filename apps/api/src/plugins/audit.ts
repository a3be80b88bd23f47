// The audit trail, declared: a route names its action in `config.audit`, and one hook writes the row — with the
// outcome the answer had (ok, not_found, denied, error) — before the answer is sent.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/prisma.ts';
import { type AuditEntry, recordAudit } from '../services/auditService.ts';

/** The record a request is audited against, and its outcome when the answer's status does not say it. */
export interface AuditTarget {
  entity: string;
  entityId: string | null;
  outcome?: AuditEntry['outcome'];
}

export interface AuditRule {
  action: string;
  entity: string;
  /**
   * Which record: the route's `:id` (the default when the route has one), the `id` of the record the answer
   * created, or none. `target` computes entity and id from the request instead (a FHIR search by patient or visit),
   * and the outcome when a successful answer does not tell it: a search about someone else's patient answers an
   * empty Bundle, and the row says `not_found` as a read of that patient would.
   */
  entityId?: 'param' | 'created' | 'none';
  target?: (req: FastifyRequest) => AuditTarget;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditRule;
  }
  interface FastifyRequest {
    /** Set once the request passed authentication and validation, so its outcome belongs in the trail. */
    auditable?: boolean;
  }
}

const SERVICE_UNAVAILABLE = 503;

function outcomeOf(status: number): AuditEntry['outcome'] {
  if (status < 400) return 'ok';
  if (status === 404) return 'not_found';
  if (status === 403) return 'denied';
  return 'error';
}

function createdId(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** Adds the hooks; routes registered afterwards that declare `config.audit` are audited. */
export function registerAudit(app: FastifyInstance, db: Db): void {
  // Refused before the handler (401/403 at sign-in, 400 on validation) is not a read or change of a record.
  app.addHook('preHandler', async (req) => {
    if (req.routeOptions.config.audit) req.auditable = true;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const rule = req.routeOptions.config.audit;
    // With the database away the row cannot be written either; trying would only delay the 503.
    if (!rule || !req.auditable || reply.statusCode === SERVICE_UNAVAILABLE) return payload;
    const params = req.params as { id?: string } | undefined;
    const target: AuditTarget = rule.target?.(req) ?? {
      entity: rule.entity,
      entityId:
        rule.entityId === 'none' ? null : rule.entityId === 'created' ? createdId(payload) : (params?.id ?? null),
    };
    const status = outcomeOf(reply.statusCode);
    const outcome = status === 'ok' ? (target.outcome ?? status) : status;
    const entry: AuditEntry = {
      actorId: req.caller?.user.id ?? null,
      actorKind: req.caller ? (req.caller.kind === 'apiKey' ? 'apiKey' : 'user') : 'anonymous',
      action: rule.action,
      entity: target.entity,
      entityId: outcome === 'ok' || rule.entityId !== 'created' ? target.entityId : null,
      outcome,
      requestId: req.id,
    };
    // A read or change that cannot be audited is not answered; a refusal is answered even if its row fails.
    if (outcome === 'ok') await recordAudit(db, entry);
    else await recordAudit(db, entry).catch(() => undefined);
    return payload;
  });
}
