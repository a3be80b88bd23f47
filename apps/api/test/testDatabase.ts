// Throwaway databases for integration tests: a unique `cdss_test_<random>` per test file, dropped after.
import { randomBytes } from 'node:crypto';
import { loadEnv } from '../src/config/env.ts';
import { createDatabaseIfMissing, dropDatabase } from '../src/db/adminConnection.ts';
import { type DatabaseTarget, parseDatabaseUrl, withDatabase } from '../src/db/databaseUrl.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPrisma, type Db } from '../src/db/prisma.ts';

export interface TestDatabase {
  url: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** Creates an empty database on the configured server (DATABASE_URL), optionally migrated. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const base = loadEnv().DATABASE_URL;
  const url = withDatabase(base, `cdss_test_${randomBytes(6).toString('hex')}`);
  const target = parseDatabaseUrl(url);
  await createDatabaseIfMissing(target);
  if (options.migrated) await migrate(target);
  return { url, target, drop: () => dropDatabase(target) };
}

/** A migrated throwaway database with a Prisma client (4 connections unless said); `close` drops it. */
export async function createTestDb(connections = 4): Promise<TestDatabase & { db: Db; close(): Promise<void> }> {
  const database = await createTestDatabase({ migrated: true });
  const db = createPrisma(database.target, connections);
  return {
    ...database,
    db,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
