// The whole API as one Fastify instance: tests call buildServer() and use inject(); main.ts listens.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Env } from './config/env.ts';
import type { Db } from './db/prisma.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerWebApp } from './plugins/webApp.ts';
import { healthRoutes, type ReadinessCheck } from './routes/health.ts';

export interface ServerDeps {
  env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>;
  db: Db;
  /** Extra readiness checks (e.g. the model loaded), besides the database. */
  readiness?: Record<string, ReadinessCheck>;
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
}

const BODY_LIMIT_BYTES = 64 * 1024;

/** Fields never written to logs: credentials, tokens and anything a patient told us. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.env.LOG_LEVEL, redact: { paths: redactedLogPaths, censor: '[redacted]' } },
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
  });
  app.decorate('db', deps.db);
  registerErrorHandling(app);
  await app.register(healthRoutes, { db: deps.db, checks: deps.readiness ?? {} });
  await registerWebApp(app, deps.webDist);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}
