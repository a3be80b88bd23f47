// Starts the whole product for one clinic: prepares the database, then serves API and web app.
// Stops gracefully on SIGTERM/SIGINT: no new connections, in-flight requests finish, the pool closes.
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { buildServer } from './app.ts';
import { totpKeyFromFile } from './auth/totpKeyFile.ts';
import { type Env, loadEnv } from './config/env.ts';
import { defaultKnowledgeDir, defaultModelDir, webDistDir } from './config/paths.ts';
import { parseDatabaseUrl } from './db/databaseUrl.ts';
import { createPrisma } from './db/prisma.ts';
import { seedKnowledge } from './db/seedKnowledge.ts';
import { loadEngine } from './modelRuntime/loadEngine.ts';
import { createRetrainer } from './modelRuntime/retraining.ts';
import { ensureDatabase } from './setup/databaseReady.ts';
import { setUpFirstAdmin } from './setup/firstAdmin.ts';
import { ensurePortFree } from './setup/portFree.ts';

/** How long in-flight requests may take to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

const say = (line: string) => process.stderr.write(`${line}\n`);

export async function startProduct(env: Env = loadEnv()) {
  await ensurePortFree(env.HOST, env.PORT);
  const target = parseDatabaseUrl(env.DATABASE_URL);
  await ensureDatabase(target, say);
  const kb = loadKnowledgeDir(env.KNOWLEDGE_DIR ?? defaultKnowledgeDir);
  const db = createPrisma(target, env.DB_CONNECTION_LIMIT);
  const seeded = await seedKnowledge(db, kb);
  if (seeded.created + seeded.updated + seeded.deleted > 0) {
    say(`Knowledge base: ${seeded.created} new, ${seeded.updated} updated, ${seeded.deleted} removed entries.`);
  }
  for (const k of seeded.kept) say(`Kept ${k.kind} ${k.code} although it left the files: ${k.reason}.`);
  const knowledge = toEngineKnowledge(kb);
  const modelDir = env.MODEL_DIR ?? defaultModelDir;
  const engine = await loadEngine(db, knowledge, { modelDir, backend: env.ENGINE_BACKEND, log: say });

  let app: Awaited<ReturnType<typeof buildServer>> | undefined;
  const retrainer = createRetrainer({
    db,
    knowledge,
    modelDir,
    backend: env.ENGINE_BACKEND,
    onTrained: (next) => {
      if (app) app.engine = next;
    },
  });
  const totpKey = env.TOTP_ENCRYPTION_KEY ?? totpKeyFromFile(modelDir, say);
  app = await buildServer({
    env: { ...env, TOTP_ENCRYPTION_KEY: totpKey },
    db,
    engine,
    retrainer,
    webDist: webDistDir,
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST }).catch(async (error) => {
    // Taken between the check and now: close what holds the process open, then report.
    await app?.close();
    await db.$disconnect();
    throw error;
  });
  const shownHost = env.HOST === '127.0.0.1' || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  const port = new URL(address).port || String(env.PORT);
  say('');
  say(`Unani CDSS is running at http://${shownHost}:${port}`);
  await setUpFirstAdmin(db, say);
  if (!env.RESEARCH_SECRET && env.NODE_ENV === 'production')
    say('RESEARCH_SECRET is unset: research case ids change at each restart (see .env.example).');
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
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return app;
}
