import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaPath } from '../src/config/paths.ts';
import { connectServer } from '../src/db/adminConnection.ts';
import { findDrift } from '../src/db/drift.ts';
import { tableShapesFromSchema } from '../src/db/tableShape.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
});
afterAll(async () => {
  await database.drop();
});

async function sql(statement: string) {
  const conn = await connectServer(database.target, database.target.database);
  try {
    await conn.query(statement);
  } finally {
    await conn.end();
  }
}

describe('drift check', () => {
  it('finds no difference between the migrated database and schema.prisma', async () => {
    expect(await findDrift(database.target, await tableShapesFromSchema())).toEqual([]);
  });

  it('names a field that schema.prisma has and the migrations lack', async () => {
    const schema = readFileSync(schemaPath, 'utf8').replace(
      'model Patient {\n',
      'model Patient {\n  nationalId     String?\n',
    );
    expect(await findDrift(database.target, await tableShapesFromSchema(schema))).toEqual([
      'Patient.nationalId: in schema.prisma, missing from the database',
    ]);
  });

  it('names an index that schema.prisma has and the migrations lack', async () => {
    const schema = readFileSync(schemaPath, 'utf8').replace(
      '  @@index([organSystem])',
      '  @@index([organSystem])\n  @@index([name])',
    );
    expect(await findDrift(database.target, await tableShapesFromSchema(schema))).toEqual([
      'Disease: index Disease_name_idx in schema.prisma, missing from the database',
    ]);
  });

  it('names a column, an index and a type changed in the database only', async () => {
    await sql('ALTER TABLE `Symptom` ADD COLUMN `extra` INTEGER NULL');
    await sql('CREATE INDEX `Symptom_name_idx` ON `Symptom`(`name`)');
    await sql('ALTER TABLE `Source` MODIFY `year` BIGINT NULL');
    const drift = await findDrift(database.target, await tableShapesFromSchema());
    expect(drift).toEqual(
      expect.arrayContaining([
        'Symptom.extra: in the database, missing from schema.prisma',
        'Symptom: index Symptom_name_idx in the database, missing from schema.prisma',
        'Source.year: type is bigint(20), schema says INTEGER',
      ]),
    );
    expect(drift).toHaveLength(3);
  });
});
