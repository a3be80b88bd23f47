// A server on a throwaway database for integration tests.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/app.ts';
import { createTestDb } from './testDatabase.ts';

export async function createTestServer() {
  const t = await createTestDb();
  const app: FastifyInstance = await buildServer({ env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db: t.db });
  return {
    app,
    db: t.db,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
