// The audit trail: every request under /api, /fhir and /cds-services leaves exactly one row, refusals included.
// A route names its action in `config.audit` (others are recorded as `http.request` with their route pattern);
// a request that changes data writes its row inside the service's transaction (services/auditScope.ts), any
// other before its answer is sent (decision 0019).
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db, DbTx } from '../db/prisma.ts';
import { createAuditBatch } from '../services/auditBatch.ts';
import { type AuditScope, runInAuditScope } from '../services/auditScope.ts';
import { type AuditEntry, type AuditOutcome, recordAudit } from '../services/auditService.ts';

/** The record a request is audited against, and its outcome when the answer's status does not say it. */
export interface AuditTarget {
  entity: string;
  entityId: string | null;
  outcome?: AuditOutcome;
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
  /** Who an anonymous caller is on this route (a patient opening a share link). */
  anonymousAs?: 'patientLink';
  /**
   * A route that stores nothing (the engine on a text) keeps answering while the database is away, as the
   * outage guarantee says; its row, which holds no patient data, then goes to the log instead of being lost.
   */
  logWhenDatabaseDown?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditRule;
  }
  interface FastifyRequest {
    /** Set for audited requests; the row is written once, by a transaction or before the answer. */
    auditScope?: AuditScope;
    /** What the handler learnt about the record and outcome (the account a sign-in named, a throttled attempt). */
    auditTarget?: AuditTarget;
  }
}

const AUDITED_PREFIXES = ['/api/', '/fhir/', '/cds-services/'];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SERVICE_UNAVAILABLE = 503;
/** How long a route that may answer without the database waits for its audit row. */
const AUDIT_WAIT_MS = 300;
const UNROUTED: AuditRule = { action: 'http.request', entity: 'route', entityId: 'none' };

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'ok';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404) return 'not_found';
  if (status === 410) return 'gone';
  if (status === 429) return 'throttled';
  if (status < 500) return 'invalid';
  return 'error';
}

function isAudited(url: string): boolean {
  const path = `${url.split('?')[0]}/`;
  return AUDITED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function createdId(payload: unknown): string | null {
  const text = typeof payload === 'string' ? payload : null;
  if (text === null) return (payload as { id?: unknown } | null)?.id?.toString() ?? null;
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** The status a route answers when it succeeds: the first 2xx its schema declares. */
function successStatus(req: FastifyRequest): number {
  const codes = Object.keys(req.routeOptions.schema?.response ?? {}).map(Number);
  return codes.filter((c) => c >= 200 && c < 300).sort()[0] ?? 200;
}

/** The row for `req`, answered `status`; `created` is the answer (or the transaction's result) for created ids. */
function entryFor(req: FastifyRequest, status: number, created: unknown): AuditEntry {
  const rule = req.routeOptions.config.audit ?? UNROUTED;
  const params = req.params as { id?: unknown } | undefined;
  const paramId = typeof params?.id === 'string' ? params.id : null;
  const target: AuditTarget = req.auditTarget ??
    rule.target?.(req) ?? {
      entity: rule.entity,
      entityId: rule.entityId === 'none' ? null : rule.entityId === 'created' ? createdId(created) : paramId,
    };
  const byStatus = outcomeOf(status);
  const outcome = byStatus === 'ok' || req.auditTarget ? (target.outcome ?? byStatus) : byStatus;
  const caller = req.caller;
  return {
    actorId: caller?.user.id ?? null,
    actorKind: caller ? (caller.kind === 'session' ? 'user' : caller.kind) : (rule.anonymousAs ?? 'anonymous'),
    apiKeyId: caller?.kind === 'apiKey' ? caller.key.id : null,
    apiClientId: caller?.kind === 'client' ? caller.client.id : null,
    action: rule.action,
    entity: target.entity,
    entityId: outcome === 'ok' || rule.entityId !== 'created' ? target.entityId : null,
    outcome,
    requestId: req.id,
    clientIp: req.ip,
    method: req.method,
    route: req.routeOptions.url ?? null,
    status,
  };
}

/** Adds the hooks; every request under the audited prefixes gets its row. */
export function registerAudit(app: FastifyInstance, db: Db): void {
  // Rows outside a change's transaction are written together with those of requests answered alongside.
  const batch = createAuditBatch(db);
  app.addHook('onRequest', (req, _reply, done) => {
    if (isAudited(req.url)) req.auditScope = { committed: false, writeIn: async () => undefined };
    done();
  });
  // The handler runs inside the scope, so a transaction it opens can write the row with its change.
  app.addHook('preHandler', (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const scope = req.auditScope;
    if (!scope || !STATE_CHANGING.has(req.method)) return done();
    scope.writeIn = (tx: DbTx, result: unknown) => recordAudit(tx, entryFor(req, successStatus(req), result));
    runInAuditScope(scope, done);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const scope = req.auditScope;
    // Written with the change already; or, with the database away, not writable: trying would delay the 503.
    if (!scope || scope.committed || reply.statusCode === SERVICE_UNAVAILABLE) return payload;
    scope.committed = true;
    const entry = entryFor(req, reply.statusCode, payload);
    // A success that cannot be audited is not answered; a refusal is answered even if its row fails.
    if (entry.outcome === 'ok' && req.routeOptions.config.audit?.logWhenDatabaseDown) {
      const written = batch
        .write(entry)
        .catch((error: unknown) =>
          req.log.warn({ err: error, audit: entry }, 'audit row not written; kept in the log'),
        );
      // Normally written in milliseconds, before the answer; a database that is away does not hold the answer up.
      await Promise.race([written, sleep(AUDIT_WAIT_MS)]);
    } else if (entry.outcome === 'ok') await batch.write(entry);
    else await batch.write(entry).catch((error: unknown) => req.log.error({ err: error }, 'audit row not written'));
    return payload;
  });
}
