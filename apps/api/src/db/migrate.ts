// Applies prisma/migrations/*/migration.sql in order and records each in `_prisma_migrations` exactly
// as Prisma's MySQL migrate does, so `prisma migrate status` would agree. Prisma's own runner needs a
// native engine that cannot be installed here (see docs/decisions/0001-own-migration-runner.md).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { migrationsDir as defaultMigrationsDir } from '../config/paths.ts';
import { connectServer } from './adminConnection.ts';
import type { DatabaseTarget } from './databaseUrl.ts';

/** Prisma's DDL for its bookkeeping table (MySQL flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

/** Several API replicas may start at once; one advisory lock lets only one of them migrate. */
const LOCK_NAME = 'unani_cdss_migrate';
const LOCK_TIMEOUT_SECONDS = 60;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  warnings: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface MigrationRow extends RowDataPacket {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Migration folders in name order (their timestamp prefix), with Prisma's checksum: sha256 of the file bytes. */
export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

async function appliedRows(conn: Connection): Promise<MigrationRow[]> {
  const [rows] = await conn.query<MigrationRow[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at',
  );
  return rows;
}

async function applyOne(conn: Connection, m: MigrationFile): Promise<void> {
  const id = randomUUID();
  await conn.query(
    'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3), 0)',
    [id, m.checksum, m.name],
  );
  try {
    await conn.query(m.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await conn.query('UPDATE _prisma_migrations SET logs = ? WHERE id = ?', [message, id]);
    throw new MigrationError(
      `Migration ${m.name} failed: ${message}\nThe failure is recorded in _prisma_migrations; fix the database by hand, then mark the row rolled back (rolled_back_at) before running migrations again.`,
    );
  }
  await conn.query(
    'UPDATE _prisma_migrations SET finished_at = CURRENT_TIMESTAMP(3), applied_steps_count = 1 WHERE id = ?',
    [id],
  );
}

/** Applies every migration not yet recorded; a second run is a no-op. Refuses while a failed one is recorded. */
export async function migrate(target: DatabaseTarget, dir = defaultMigrationsDir): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const conn = await connectServer(target, target.database);
  try {
    const [[lock]] = await conn.query<RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS got', [
      LOCK_NAME,
      LOCK_TIMEOUT_SECONDS,
    ]);
    if (lock?.got !== 1)
      throw new MigrationError(`Another process holds the migration lock for ${LOCK_TIMEOUT_SECONDS} s; try again.`);
    try {
      await conn.query(CREATE_MIGRATIONS_TABLE);
      const rows = await appliedRows(conn);
      const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed.length > 0) {
        throw new MigrationError(
          `Migration ${failed.map((r) => r.migration_name).join(', ')} failed earlier and is recorded as failed in _prisma_migrations. Resolve it by hand, then set its rolled_back_at.`,
        );
      }
      const done = new Map(
        rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]),
      );
      const warnings: string[] = [];
      const applied: string[] = [];
      for (const m of migrations) {
        const row = done.get(m.name);
        if (row) {
          if (row.checksum !== m.checksum)
            warnings.push(`Migration ${m.name} was changed after it was applied (checksum differs).`);
          continue;
        }
        await applyOne(conn, m);
        applied.push(m.name);
      }
      const known = new Set(migrations.map((m) => m.name));
      for (const name of done.keys())
        if (!known.has(name)) warnings.push(`Migration ${name} is applied but missing from ${dir}.`);
      return { applied, alreadyApplied: migrations.length - applied.length, warnings };
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await conn.end();
  }
}
