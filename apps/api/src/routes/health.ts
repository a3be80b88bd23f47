// Liveness (the process answers) and readiness (the database answers and the engine is loaded).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/prisma.ts';

/** Resolves to true when a dependency is ready; may throw. */
export type ReadinessCheck = () => Promise<boolean> | boolean;

const CHECK_TIMEOUT_MS = 2_000;

const tags = ['health'];
const Liveness = z.object({ status: z.literal('ok') });
const Readiness = z.object({
  status: z.enum(['ready', 'not ready']),
  checks: z.record(z.string(), z.enum(['ok', 'failing'])).describe('Each dependency (database, model…) by name'),
});
const liveOptions = { schema: { tags, summary: 'Liveness: the process answers', response: { 200: Liveness } } };
const readyOptions = {
  schema: {
    tags,
    summary: 'Readiness: the database answers and the model is loaded (503 until both do)',
    response: { 200: Readiness, 503: Readiness },
  },
};

async function runCheck(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsync<{ db: Db; checks: Record<string, ReadinessCheck> }> = async (
  app,
  opts,
) => {
  app.get('/health/live', liveOptions, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', readyOptions, async (_req, reply) => {
    const checks: Record<string, ReadinessCheck> = {
      database: async () => {
        await opts.db.$queryRaw`SELECT 1`;
        return true;
      },
      ...opts.checks,
    };
    const results = Object.fromEntries(
      await Promise.all(
        Object.entries(checks).map(
          async ([name, check]) => [name, (await runCheck(check)) ? 'ok' : 'failing'] as const,
        ),
      ),
    );
    const ready = Object.values(results).every((r) => r === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: results });
  });
};
