// A server on a throwaway database for integration tests, optionally with the fixture knowledge and an engine.
import { loadKnowledgeDir } from '@unani/knowledge';
import type { FastifyInstance } from 'fastify';
import { minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { buildServer, type ServerDeps } from '../src/app.ts';
import { seedKnowledge } from '../src/db/seedKnowledge.ts';
import { createTestDb } from './testDatabase.ts';
import { createTestEngine, type TestTraining } from './testEngine.ts';

export async function createTestServer(
  options: {
    knowledge?: boolean;
    engine?: boolean;
    /** Another knowledge base than the minimal fixture (a test's edited copy of it). */
    knowledgeDir?: string;
    /** Less training than the default, for an engine on the whole knowledge base. */
    training?: TestTraining;
    credentials?: ServerDeps['credentials'];
    connections?: number;
  } = {},
) {
  const t = await createTestDb(options.connections);
  const knowledgeDir = options.knowledgeDir ?? minimalKnowledgeDir;
  if (options.knowledge || options.engine) await seedKnowledge(t.db, loadKnowledgeDir(knowledgeDir));
  const engine = options.engine ? await createTestEngine(knowledgeDir, options.training) : undefined;
  const app: FastifyInstance = await buildServer({
    env: { LOG_LEVEL: (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent', NODE_ENV: 'test' },
    db: t.db,
    engine,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return {
    app,
    db: t.db,
    /** The throwaway database's URL, for a command run against the same database. */
    databaseUrl: t.url,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
