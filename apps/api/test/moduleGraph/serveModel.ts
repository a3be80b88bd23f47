// Run as a child process by noTensorflow.int.test.ts: loads the server's entry modules, builds the API with the active
// model from the database, diagnoses a note and follows the model, then prints every module the process loaded.
// With --train it also trains a model, which must show TensorFlow.js (so the check itself can fail).
import { createRequire, register } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';

const urls: string[] = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (url: string) => urls.push(url));
port1.unref();
register('./recordHooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

const { loadKnowledgeDir, toEngineKnowledge } = await import('@unani/knowledge');
await import('../../src/main.ts');
const { buildServer } = await import('../../src/app.ts');
const { loadEngine } = await import('../../src/modelRuntime/loadEngine.ts');
const { parseDatabaseUrl } = await import('../../src/db/databaseUrl.ts');
const { createPrisma } = await import('../../src/db/prisma.ts');

const [knowledgeDir = '', modelDir = ''] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const knowledge = toEngineKnowledge(loadKnowledgeDir(knowledgeDir));
const db = createPrisma(parseDatabaseUrl(process.env.DATABASE_URL ?? ''), 2);
const engine = await loadEngine(db, knowledge, { modelDir, log: () => {} });
const app = await buildServer({
  env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
  db,
  engine,
  followModel: { knowledge, intervalMs: 100 },
});
await app.ready();
const ready = await app.inject({ method: 'GET', url: '/health/ready' });
const top = engine?.analyseNote({ text: 'sneezing and fever' }).differential[0]?.disease.code;
await sleep(300); // a few follower polls
if (process.argv.includes('--train')) {
  const { trainModel } = await import('@unani/engine');
  await trainModel(knowledge, { seed: 1, casesPerDisease: 5, epochs: 1, backend: 'cpu' });
}
await app.close();
await db.$disconnect();
await sleep(200); // let the hooks' last messages arrive
const cjs = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(
  `${JSON.stringify({
    modelVersion: engine?.modelVersion,
    ready: ready.statusCode,
    top,
    modules: urls.length,
    tensorflow: [...urls, ...cjs].filter((u) => u.includes('@tensorflow')),
  })}\n`,
);
process.exit(0);
