// The whole API as one Fastify instance: tests call buildServer() and use inject(); main.ts listens.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { DEVELOPMENT_TOTP_KEY, type SecretBox, secretBox } from './auth/totpSecrets.ts';
import type { Env } from './config/env.ts';
import type { Db } from './db/prisma.ts';
import type { ClinicalEngine } from './modelRuntime/clinicalEngine.ts';
import type { Retrainer } from './modelRuntime/retraining.ts';
import { registerAudit } from './plugins/audit.ts';
import { type AuthOptions, registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerJsonBody } from './plugins/jsonBody.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerWebApp } from './plugins/webApp.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { modelRoutes } from './routes/admin/model.ts';
import { accountRoutes } from './routes/auth/account.ts';
import { authRoutes } from './routes/auth/index.ts';
import { cdsHooksRoutes } from './routes/cdsHooks/index.ts';
import { encounterRoutes } from './routes/encounters/index.ts';
import { engineRoutes } from './routes/engine/index.ts';
import { fhirRoutes } from './routes/fhir/index.ts';
import { fhirErrorHandler } from './routes/fhir/outcomeErrors.ts';
import { healthRoutes, type ReadinessCheck } from './routes/health.ts';
import { knowledgeRoutes } from './routes/knowledge/index.ts';
import { noteRoutes } from './routes/notes/index.ts';
import { patientRoutes } from './routes/patients/index.ts';
import { planRoutes } from './routes/plans/index.ts';
import { researchRoutes } from './routes/research/index.ts';
import { sharedNoteRoutes } from './routes/sharedNotes/index.ts';

export interface ServerDeps {
  env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'> & Partial<Pick<Env, 'PUBLIC_URL' | 'REDIS_URL' | 'TOTP_ENCRYPTION_KEY'>>;
  db: Db;
  /** The loaded engine; routes that need it answer 503 until it is set. */
  engine?: ClinicalEngine;
  /** Extra readiness checks, besides the database and the engine. */
  readiness?: Record<string, ReadinessCheck>;
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
  /** Retraining from the admin page; absent in tests that do not need it. */
  retrainer?: Retrainer;
  /** Where logs go (standard output when omitted); tests capture them to check redaction. */
  logStream?: DestinationStream;
  /** The Redis channel of credential changes and the credential cache's lifetime, when not the defaults. */
  credentials?: Pick<AuthOptions, 'channel' | 'ttlMs'>;
}

const BODY_LIMIT_BYTES = 64 * 1024;

/** Fields never written to logs: credentials, tokens and anything a patient told us. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** Share-link tokens travel in the path; they never reach the logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/shared-notes\/|\/n\/)[^/?#]+/, '$1[redacted]');
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    logger: {
      level: deps.env.LOG_LEVEL,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      redact: { paths: redactedLogPaths, censor: '[redacted]' },
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, reqId: req.id }),
      },
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // Always the server's own: the id ties log lines to audit rows, and a client could otherwise forge or reuse it.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // The router's own refusals (malformed percent-encoding, an over-long path parameter) answer like any other error.
    frameworkErrors: (error, req, reply) =>
      (req.url.startsWith('/fhir/') ? fhirErrorHandler : app.errorHandler)(error, req, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('engine', deps.engine);
  app.decorate('totpBox', secretBox(deps.env.TOTP_ENCRYPTION_KEY ?? DEVELOPMENT_TOTP_KEY));
  registerErrorHandling(app);
  registerJsonBody(app);
  await registerSecurity(app);
  registerAuth(app, { redisUrl: deps.env.REDIS_URL, ...deps.credentials });
  registerAudit(app, deps.db);
  await registerOpenApi(app);

  const checks = { model: () => app.engine !== undefined, ...deps.readiness };
  await app.register(healthRoutes, { db: deps.db, checks });
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(patientRoutes);
  await app.register(encounterRoutes);
  await app.register(planRoutes);
  await app.register(noteRoutes, { publicUrl: deps.env.PUBLIC_URL });
  await app.register(sharedNoteRoutes);
  await app.register(fhirRoutes);
  await app.register(cdsHooksRoutes);
  await app.register(knowledgeRoutes);
  await app.register(engineRoutes);
  await app.register(adminRoutes);
  await app.register(modelRoutes, { retrainer: deps.retrainer });
  await app.register(researchRoutes);
  await registerWebApp(app, deps.webDist);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Seals and opens TOTP secrets at rest. */
    totpBox: SecretBox;
  }
}
