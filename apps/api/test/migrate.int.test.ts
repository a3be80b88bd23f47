import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir } from '../src/config/paths.ts';
import { connectServer } from '../src/db/adminConnection.ts';
import { MigrationError, migrate, readMigrations } from '../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function migrationRows(db: TestDatabase) {
  const conn = await connectServer(db.target, db.target.database);
  try {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT * FROM _prisma_migrations ORDER BY started_at');
    return rows;
  } finally {
    await conn.end();
  }
}

function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdss-migrations-'));
  for (const m of readMigrations()) {
    mkdirSync(join(dir, m.name));
    writeFileSync(join(dir, m.name, 'migration.sql'), m.sql);
  }
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migration runner', () => {
  it('applies every migration to a fresh database and records it as Prisma does', async () => {
    database = await createTestDatabase();
    const result = await migrate(database.target);
    const files = readMigrations();
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await migrationRows(database);
    expect(rows).toHaveLength(files.length);
    const first = rows[0];
    const sqlBytes = readFileSync(join(migrationsDir, files[0]?.name ?? '', 'migration.sql'));
    expect(first?.checksum).toBe(createHash('sha256').update(sqlBytes).digest('hex'));
    expect(first?.migration_name).toBe(files[0]?.name);
    expect(first?.finished_at).toBeInstanceOf(Date);
    expect(first?.rolled_back_at).toBeNull();
    expect(first?.applied_steps_count).toBe(1);
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does nothing on a second run', async () => {
    database = await createTestDatabase();
    await migrate(database.target);
    const before = await migrationRows(database);
    const again = await migrate(database.target);
    expect(again).toEqual({ applied: [], alreadyApplied: before.length, warnings: [] });
    expect(await migrationRows(database)).toEqual(before);
  });

  it('applies only the new migration when one is added', async () => {
    database = await createTestDatabase();
    await migrate(database.target);
    const dir = migrationsCopy({
      '20991231000000_add_probe': 'CREATE TABLE `Probe` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));',
    });
    const result = await migrate(database.target, dir);
    expect(result.applied).toEqual(['20991231000000_add_probe']);
  });

  it('warns when an applied migration file was changed afterwards', async () => {
    database = await createTestDatabase();
    await migrate(database.target);
    const dir = migrationsCopy();
    const [first] = readMigrations(dir);
    writeFileSync(join(dir, first?.name ?? '', 'migration.sql'), `${first?.sql}\n-- edited\n`);
    const result = await migrate(database.target, dir);
    expect(result.warnings).toEqual([`Migration ${first?.name} was changed after it was applied (checksum differs).`]);
  });

  it('records a failing migration with its error and refuses to run until it is resolved', async () => {
    database = await createTestDatabase();
    const dir = migrationsCopy({ '20991231000000_broken': 'INSERT INTO `NoSuchTable` VALUES (1);' });
    await expect(migrate(database.target, dir)).rejects.toThrow(/Migration 20991231000000_broken failed/);
    const failed = (await migrationRows(database)).find((r) => r.migration_name === '20991231000000_broken');
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/NoSuchTable.*doesn't exist/);
    await expect(migrate(database.target, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(database.target, dir)).rejects.toThrow(/failed earlier/);
  });
});
