// Starts the whole product for one clinic: prepares the database, then serves API and web app.
// Stops gracefully on SIGTERM/SIGINT: no new connections, in-flight requests finish, the pool closes.
import { toEngineKnowledge } from '@unani/knowledge';
import { buildServer } from './app.ts';
import { type Env, loadServerEnv } from './config/env.ts';
import { defaultKnowledgeDir, defaultModelDir, webDistDir } from './config/paths.ts';
import { parseDatabaseUrl } from './db/databaseUrl.ts';
import { createPrisma } from './db/prisma.ts';
import { seedKnowledge } from './db/seedKnowledge.ts';
import { waitForFirstModel } from './modelRuntime/firstModel.ts';
import { loadEngine } from './modelRuntime/loadEngine.ts';
import { enqueueTraining } from './services/trainingJobService.ts';
import { ensureDatabase } from './setup/databaseReady.ts';
import { setUpFirstAdmin } from './setup/firstAdmin.ts';
import { loadKnowledge } from './setup/knowledgeSnapshot.ts';
import { ensurePortFree } from './setup/portFree.ts';
import { RESEARCH_SECRET_FILE, secretFromFile, TOTP_KEY_FILE } from './setup/secretFile.ts';

/** How long in-flight requests may take to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Tells `npm start` (scripts/start.mjs), when it started this process, that the server serves or waits for the
 * worker's first model: it starts the worker then, so the two do not compete for the CPU while the server starts.
 */
const tellParent = (event: 'ready' | 'waiting-for-model') => process.send?.({ event });

export interface StartOptions {
  /** Without a model for the knowledge, wait for the worker's first one instead of serving engine routes 503. */
  waitForModel?: boolean;
}

export async function startProduct(env: Env = loadServerEnv(), options: StartOptions = {}) {
  await ensurePortFree(env.HOST, env.PORT);
  const target = parseDatabaseUrl(env.DATABASE_URL);
  await ensureDatabase(target, say);
  const kb = loadKnowledge(env.KNOWLEDGE_DIR ?? defaultKnowledgeDir);
  const db = createPrisma(target, env.DB_CONNECTION_LIMIT);
  const seeded = await seedKnowledge(db, kb);
  if (seeded.created + seeded.updated + seeded.deleted > 0) {
    say(`Knowledge base: ${seeded.created} new, ${seeded.updated} updated, ${seeded.deleted} removed entries.`);
  }
  for (const k of seeded.kept) say(`Kept ${k.kind} ${k.code} although it left the files: ${k.reason}.`);
  const knowledge = toEngineKnowledge(kb);
  const modelDir = env.MODEL_DIR ?? defaultModelDir;
  let engine = await loadEngine(db, knowledge, { modelDir, log: say });
  if (!engine) {
    // Training belongs to the worker: queue it, and serve engine routes 503 until the model is active.
    const job = await enqueueTraining(db, null);
    say(`No model for knowledge ${knowledge.hash.slice(0, 16)} yet: training job ${job.id} queued for "cdss worker".`);
    if (options.waitForModel) {
      tellParent('waiting-for-model');
      engine = await waitForFirstModel(db, knowledge, { modelDir, log: say });
    }
  }

  // Unset secrets are made once and kept beside the models, so restarts and replicas sharing the folder agree.
  const totpKey =
    env.TOTP_ENCRYPTION_KEY ??
    secretFromFile(modelDir, TOTP_KEY_FILE, (file) =>
      say(`Created ${file}: it encrypts second-factor secrets. Back it up, or set TOTP_ENCRYPTION_KEY.`),
    );
  const researchSecret =
    env.RESEARCH_SECRET ??
    secretFromFile(modelDir, RESEARCH_SECRET_FILE, (file) =>
      say(`Created ${file}: it keys research case ids. Back it up, or set RESEARCH_SECRET.`),
    );
  const app = await buildServer({
    env: { ...env, TOTP_ENCRYPTION_KEY: totpKey, RESEARCH_SECRET: researchSecret },
    db,
    engine,
    followModel: { knowledge },
    webDist: webDistDir,
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST }).catch(async (error) => {
    // Taken between the check and now: close what holds the process open, then report.
    await app.close();
    await db.$disconnect();
    throw error;
  });
  const shownHost = env.HOST === '127.0.0.1' || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  const port = new URL(address).port || String(env.PORT);
  say('');
  say(`Unani CDSS is running at http://${shownHost}:${port}`);
  tellParent('ready');
  await setUpFirstAdmin(db, say);
  say('Decision support only: every suggestion is advisory and needs a practitioner’s judgement.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing in-flight requests…`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    await db.$disconnect();
    clearTimeout(force);
    // Exit now rather than when nothing holds the process: a handler whose client has gone keeps running after
    // close() (Fastify waits for connections, not handlers), and its late query would reopen the pool and keep the
    // process alive for ever. Its transaction is rolled back; its client was never answered.
    process.exit();
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return app;
}
