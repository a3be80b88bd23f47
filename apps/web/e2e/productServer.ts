// The whole product for browser tests: API with a trained engine and the built web app, on a random port.
import { buildServer } from '../../api/src/app.ts';
import { webDistDir } from '../../api/src/config/paths.ts';
import type { TestTraining } from '../../api/test/testEngine.ts';
import { createTestServer } from '../../api/test/testServer.ts';

/**
 * `knowledgeDir`: another knowledge base than the minimal fixture, e.g. the project's own data/knowledge, with
 * `training` to train its engine less.
 */
export async function startProduct(options: { knowledgeDir?: string; training?: TestTraining } = {}) {
  const base = await createTestServer({ engine: true, knowledgeDir: options.knowledgeDir, training: options.training });
  await base.app.close();
  const app = await buildServer({
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    db: base.db,
    engine: base.app.engine,
    webDist: webDistDir,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    db: base.db,
    async close() {
      await app.close();
      await base.close();
    },
  };
}
