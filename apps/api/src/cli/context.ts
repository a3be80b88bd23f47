// What database and knowledge commands share: validated configuration and a Prisma client to close.
import { loadEnv } from '../config/env.ts';
import { defaultKnowledgeDir } from '../config/paths.ts';
import { parseDatabaseUrl } from '../db/databaseUrl.ts';
import { createPrisma, type Db } from '../db/prisma.ts';
import { loadKnowledge } from '../setup/knowledgeSnapshot.ts';

export function commandEnv() {
  const env = loadEnv();
  return { env, target: parseDatabaseUrl(env.DATABASE_URL), knowledgeDir: env.KNOWLEDGE_DIR ?? defaultKnowledgeDir };
}

export function loadProjectKnowledge() {
  return loadKnowledge(commandEnv().knowledgeDir);
}

/** Runs `work` with a Prisma client and always closes it, so the command can exit. */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { env, target } = commandEnv();
  const db = createPrisma(target, Math.min(env.DB_CONNECTION_LIMIT, 4));
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

export const log = (line: string) => process.stderr.write(`${line}\n`);
