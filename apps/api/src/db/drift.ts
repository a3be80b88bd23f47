// Compares the tables in a migrated database with prisma/schema.prisma and names every difference:
// tables, columns, types, nullability, auto-increment, defaults, indexes and foreign keys.
import type { RowDataPacket } from 'mysql2/promise';
import { connectServer } from './adminConnection.ts';
import type { DatabaseTarget } from './databaseUrl.ts';
import type { ColumnShape, TableShape } from './tableShape.ts';

interface ActualColumn {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  autoIncrement: boolean;
  defaultValue: string | null;
}
interface ActualIndex {
  table: string;
  name: string;
  unique: boolean;
  columns: string[];
}
interface ActualForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
}

/** Reduces a column type to a comparable form: `int(11)` → `int`, MariaDB's JSON is `longtext`. */
export function comparableType(type: string): string {
  const t = type.toLowerCase().replace(/\s+/g, '');
  if (t === 'json' || t === 'longtext') return 'json';
  if (t === 'boolean' || t === 'tinyint(1)') return 'boolean';
  if (t === 'integer' || /^int(\(\d+\))?$/.test(t)) return 'int';
  if (/^bigint(\(\d+\))?$/.test(t)) return 'bigint';
  if (t === 'double' || t === 'doubleprecision') return 'double';
  return t;
}

/** Reduces a default to a comparable form: MariaDB reports `current_timestamp(3)`, `0`, `'open'`. */
function comparableDefault(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === 'NULL') return null;
  const v = value.toLowerCase().replace(/^'(.*)'$/, '$1');
  if (v === 'false') return '0';
  if (v === 'true') return '1';
  return v;
}

async function readActual(target: DatabaseTarget) {
  const conn = await connectServer(target, target.database);
  try {
    const [cols] = await conn.query<RowDataPacket[]>(
      `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, EXTRA, COLUMN_DEFAULT
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      [target.database],
    );
    const [idx] = await conn.query<RowDataPacket[]>(
      `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      [target.database],
    );
    const [fks] = await conn.query<RowDataPacket[]>(
      `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE
         FROM information_schema.KEY_COLUMN_USAGE k
         JOIN information_schema.REFERENTIAL_CONSTRAINTS r
           ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
        WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
      [target.database],
    );
    const columns: ActualColumn[] = cols.map((c) => ({
      table: c.TABLE_NAME,
      name: c.COLUMN_NAME,
      type: c.COLUMN_TYPE,
      nullable: c.IS_NULLABLE === 'YES',
      autoIncrement: String(c.EXTRA).includes('auto_increment'),
      defaultValue: c.COLUMN_DEFAULT,
    }));
    const indexes = new Map<string, ActualIndex>();
    for (const i of idx) {
      const key = `${i.TABLE_NAME}.${i.INDEX_NAME}`;
      const entry: ActualIndex = indexes.get(key) ?? {
        table: i.TABLE_NAME,
        name: i.INDEX_NAME,
        unique: Number(i.NON_UNIQUE) === 0,
        columns: [],
      };
      entry.columns.push(i.COLUMN_NAME);
      indexes.set(key, entry);
    }
    const foreignKeys = new Map<string, ActualForeignKey>();
    for (const f of fks) {
      const key = `${f.TABLE_NAME}.${f.CONSTRAINT_NAME}`;
      const entry: ActualForeignKey = foreignKeys.get(key) ?? {
        table: f.TABLE_NAME,
        name: f.CONSTRAINT_NAME,
        columns: [],
        refTable: f.REFERENCED_TABLE_NAME,
        refColumns: [],
        onDelete: f.DELETE_RULE,
      };
      entry.columns.push(f.COLUMN_NAME);
      entry.refColumns.push(f.REFERENCED_COLUMN_NAME);
      foreignKeys.set(key, entry);
    }
    return { columns, indexes: [...indexes.values()], foreignKeys: [...foreignKeys.values()] };
  } finally {
    await conn.end();
  }
}

function compareColumn(table: string, want: ColumnShape, have: ActualColumn, out: string[]) {
  const at = `${table}.${want.name}`;
  if (comparableType(want.type) !== comparableType(have.type))
    out.push(`${at}: type is ${have.type}, schema says ${want.type}`);
  if (want.nullable !== have.nullable)
    out.push(
      `${at}: ${have.nullable ? 'nullable' : 'NOT NULL'} in the database, schema says ${want.nullable ? 'optional' : 'required'}`,
    );
  if (want.autoIncrement !== have.autoIncrement)
    out.push(`${at}: auto-increment ${have.autoIncrement ? 'set' : 'missing'} in the database`);
  const wantDefault = comparableDefault(want.defaultSql);
  const haveDefault = comparableDefault(have.defaultValue);
  if (!want.autoIncrement && wantDefault !== haveDefault)
    out.push(`${at}: default is ${haveDefault ?? 'none'}, schema says ${wantDefault ?? 'none'}`);
}

/** Every difference between the expected tables and the database; empty when they agree. */
export async function findDrift(target: DatabaseTarget, expected: TableShape[]): Promise<string[]> {
  const actual = await readActual(target);
  const out: string[] = [];
  const actualTables = new Set(actual.columns.map((c) => c.table).filter((t) => t !== '_prisma_migrations'));
  for (const t of expected) {
    if (!actualTables.has(t.name)) {
      out.push(`table ${t.name}: in schema.prisma, missing from the database`);
      continue;
    }
    actualTables.delete(t.name);
    const cols = actual.columns.filter((c) => c.table === t.name);
    for (const want of t.columns) {
      const have = cols.find((c) => c.name === want.name);
      if (have) compareColumn(t.name, want, have, out);
      else out.push(`${t.name}.${want.name}: in schema.prisma, missing from the database`);
    }
    for (const have of cols) {
      if (!t.columns.some((c) => c.name === have.name))
        out.push(`${t.name}.${have.name}: in the database, missing from schema.prisma`);
    }

    const fkNames = new Set(t.foreignKeys.map((f) => f.name));
    const indexes = actual.indexes.filter((i) => i.table === t.name);
    const pk = indexes.find((i) => i.name === 'PRIMARY');
    if (pk?.columns.join(',') !== t.primaryKey.join(','))
      out.push(
        `${t.name}: primary key is (${pk?.columns.join(', ') ?? 'none'}), schema says (${t.primaryKey.join(', ')})`,
      );
    for (const want of t.indexes) {
      const have = indexes.find((i) => i.name === want.name);
      if (!have) out.push(`${t.name}: index ${want.name} in schema.prisma, missing from the database`);
      else if (have.unique !== want.unique || have.columns.join(',') !== want.columns.join(','))
        out.push(
          `${t.name}: index ${want.name} is ${have.unique ? 'unique ' : ''}(${have.columns.join(', ')}), schema says ${want.unique ? 'unique ' : ''}(${want.columns.join(', ')})`,
        );
    }
    for (const have of indexes) {
      // InnoDB adds an index named after a foreign key when no other index covers it; Prisma does the same.
      if (have.name === 'PRIMARY' || fkNames.has(have.name)) continue;
      if (!t.indexes.some((i) => i.name === have.name))
        out.push(`${t.name}: index ${have.name} in the database, missing from schema.prisma`);
    }
    const fks = actual.foreignKeys.filter((f) => f.table === t.name);
    for (const want of t.foreignKeys) {
      const have = fks.find((f) => f.name === want.name);
      if (!have) out.push(`${t.name}: foreign key ${want.name} in schema.prisma, missing from the database`);
      else if (
        have.refTable !== want.refTable ||
        have.columns.join(',') !== want.columns.join(',') ||
        have.refColumns.join(',') !== want.refColumns.join(',')
      )
        out.push(
          `${t.name}: foreign key ${want.name} points to ${have.refTable}(${have.refColumns.join(', ')}), schema says ${want.refTable}(${want.refColumns.join(', ')})`,
        );
      else if (have.onDelete !== want.onDelete)
        out.push(`${t.name}: foreign key ${want.name} deletes ${have.onDelete}, schema says ${want.onDelete}`);
    }
    for (const have of fks) {
      if (!fkNames.has(have.name))
        out.push(`${t.name}: foreign key ${have.name} in the database, missing from schema.prisma`);
    }
  }
  for (const extra of actualTables) out.push(`table ${extra}: in the database, missing from schema.prisma`);
  return out;
}
