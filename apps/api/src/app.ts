// The whole API as one Fastify instance: tests call buildServer() and use inject(); main.ts listens.
import { randomBytes, randomUUID } from 'node:crypto';
import type { EngineKnowledge } from '@unani/engine';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { credentialChannel } from './auth/credentialChanges.ts';
import { DEVELOPMENT_TOTP_KEY, type SecretBox, secretBox } from './auth/totpSecrets.ts';
import type { Env } from './config/env.ts';
import type { Db } from './db/prisma.ts';
import type { ClinicalEngine } from './modelRuntime/clinicalEngine.ts';
import { followActiveModel } from './modelRuntime/modelFollower.ts';
import { registerAudit } from './plugins/audit.ts';
import { type AuthOptions, registerAuth } from './plugins/auth.ts';
import { registerCacheHeaders } from './plugins/cacheHeaders.ts';
import { registerCors } from './plugins/cors.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerJsonBody } from './plugins/jsonBody.ts';
import { logSerializers, redactedLogPaths } from './plugins/logRedaction.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerPublicOrigin } from './plugins/publicOrigin.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerWebApp } from './plugins/webApp.ts';
import { apiClientRoutes } from './routes/admin/clients.ts';
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
  env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'> &
    Partial<
      Pick<
        Env,
        | 'PUBLIC_URL'
        | 'REDIS_URL'
        | 'REDIS_PREFIX'
        | 'RESEARCH_SECRET'
        | 'TRUST_PROXY'
        | 'SESSION_IDLE_MINUTES'
        | 'TOTP_ENCRYPTION_KEY'
      >
    >;
  db: Db;
  /** The loaded engine; routes that need it answer 503 until it is set. */
  engine?: ClinicalEngine;
  /** Extra readiness checks, besides the database and the engine. */
  readiness?: Record<string, ReadinessCheck>;
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
  /**
   * Follow the active ModelVersion for this knowledge and swap the engine when another becomes current (every few
   * seconds, or `intervalMs`); off in tests that hold a fixed engine.
   */
  followModel?: { knowledge: EngineKnowledge; intervalMs?: number };
  /** Where logs go (standard output when omitted); tests capture them to check redaction. */
  logStream?: DestinationStream;
  /** The Redis channel of credential changes and the credential cache's lifetime, when not the defaults. */
  credentials?: Pick<AuthOptions, 'channel' | 'ttlMs'>;
}

const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // Behind a TLS-terminating proxy, its X-Forwarded-For/-Proto name the client and the protocol (TRUST_PROXY).
  const trustProxy: FastifyServerOptions['trustProxy'] = deps.env.TRUST_PROXY ?? false;
  const app: FastifyInstance = Fastify({
    logger: {
      level: deps.env.LOG_LEVEL,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      redact: { paths: redactedLogPaths, censor: '[redacted]' },
      serializers: logSerializers,
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // Always the server's own: the id ties log lines to audit rows, and a client could otherwise forge or reuse it.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy,
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
  const redisPrefix = deps.env.REDIS_PREFIX ?? 'cdss:';
  await registerSecurity(app, { redisUrl: deps.env.REDIS_URL, keyPrefix: redisPrefix });
  registerCacheHeaders(app);
  registerCors(app);
  registerPublicOrigin(app, deps.env.PUBLIC_URL);
  registerAuth(app, {
    redisUrl: deps.env.REDIS_URL,
    publicUrl: deps.env.PUBLIC_URL,
    ...(deps.env.SESSION_IDLE_MINUTES ? { sessionIdleMs: deps.env.SESSION_IDLE_MINUTES * 60_000 } : {}),
    channel: credentialChannel(redisPrefix),
    ...deps.credentials,
  });
  registerAudit(app, deps.db);
  await registerOpenApi(app, deps.env.PUBLIC_URL);

  const checks = { model: () => app.engine !== undefined, ...deps.readiness };
  await app.register(healthRoutes, { db: deps.db, checks });
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(patientRoutes);
  await app.register(encounterRoutes);
  await app.register(planRoutes);
  await app.register(noteRoutes);
  await app.register(sharedNoteRoutes);
  await app.register(fhirRoutes);
  await app.register(cdsHooksRoutes);
  await app.register(knowledgeRoutes);
  await app.register(engineRoutes);
  await app.register(adminRoutes);
  await app.register(apiClientRoutes);
  await app.register(modelRoutes);
  // `cdss serve` always passes one (configured or kept in a file); a bare test server keys case ids per process.
  await app.register(researchRoutes, { secret: deps.env.RESEARCH_SECRET ?? randomBytes(32).toString('hex') });
  await registerWebApp(app, deps.webDist);
  if (deps.followModel) {
    const { knowledge, intervalMs } = deps.followModel;
    const follower = followActiveModel(app, knowledge, intervalMs);
    app.addHook('onReady', () => void follower.check());
    app.addHook('onClose', () => follower.stop());
  }
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Seals and opens TOTP secrets at rest. */
    totpBox: SecretBox;
  }
}
