// The shape of the tables that prisma/schema.prisma describes, in MySQL terms, read from Prisma's DMMF.
// Both the drift check and the migration drafter start from it.
import { readFileSync } from 'node:fs';
import { schemaPath } from '../config/paths.ts';

export interface ColumnShape {
  name: string;
  /** MySQL type as Prisma's migrations write it, e.g. VARCHAR(191), DATETIME(3), ENUM('a','b'). */
  type: string;
  nullable: boolean;
  autoIncrement: boolean;
  /** SQL default expression, e.g. CURRENT_TIMESTAMP(3), false, 'open'. */
  defaultSql?: string;
}

export interface IndexShape {
  name: string;
  unique: boolean;
  columns: string[];
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION';
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

// The DMMF types are internal to Prisma; we read the few fields we need through this narrow view.
interface DmmfField {
  name: string;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: { name: string; args: unknown[] } | string | number | boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] };
}

const scalarTypes: Record<string, string> = {
  String: 'VARCHAR(191)',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE',
  Boolean: 'BOOLEAN',
  DateTime: 'DATETIME(3)',
  Json: 'JSON',
  Decimal: 'DECIMAL(65, 30)',
};

function columnType(field: DmmfField, enums: Map<string, string[]>): string {
  if (field.kind === 'enum') {
    const values = enums.get(field.type) ?? [];
    return `ENUM(${values.map((v) => `'${v}'`).join(', ')})`;
  }
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const upper = name.toUpperCase();
    return args.length ? `${upper}(${args.join(', ')})` : upper;
  }
  const type = scalarTypes[field.type];
  if (!type) throw new Error(`No MySQL type known for Prisma type ${field.type} (field ${field.name})`);
  return type;
}

function defaultSql(field: DmmfField): string | undefined {
  const d = field.default;
  if (d === undefined) return undefined;
  if (typeof d === 'object') return d.name === 'now' ? 'CURRENT_TIMESTAMP(3)' : undefined;
  if (typeof d === 'string') return `'${d}'`;
  return String(d);
}

const onDeleteSql: Record<string, ForeignKeyShape['onDelete']> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  SetNull: 'SET NULL',
  NoAction: 'NO ACTION',
};

/** Builds the expected tables from a Prisma schema text. */
export async function tableShapesFromSchema(schemaText?: string): Promise<TableShape[]> {
  const datamodel = schemaText ?? readFileSync(schemaPath, 'utf8');
  // Loaded here, not at the top: it is large, and only the drift check and the drafter need it.
  const { default: internals } = await import('@prisma/internals');
  const dmmf = (await internals.getDMMF({ datamodel })) as unknown as Dmmf;
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
  return dmmf.datamodel.models.map((model) => {
    const table = model.dbName ?? model.name;
    const columns: ColumnShape[] = model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => ({
        name: f.name,
        type: columnType(f, enums),
        nullable: !f.isRequired,
        autoIncrement: typeof f.default === 'object' && f.default.name === 'autoincrement',
        defaultSql: defaultSql(f),
      }));
    const ownIndexes = dmmf.datamodel.indexes.filter((i) => i.model === model.name);
    const primaryKey = ownIndexes.find((i) => i.type === 'id')?.fields.map((f) => f.name) ?? [];
    const indexes = ownIndexes
      .filter((i) => i.type === 'unique' || i.type === 'normal')
      .map((i) => {
        const cols = i.fields.map((f) => f.name);
        const suffix = i.type === 'unique' ? 'key' : 'idx';
        return { name: i.dbName ?? `${table}_${cols.join('_')}_${suffix}`, unique: i.type === 'unique', columns: cols };
      });
    const foreignKeys = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
      .map((f) => {
        const cols = f.relationFromFields ?? [];
        const ref = dmmf.datamodel.models.find((m) => m.name === f.type);
        const required = cols.every((c) => model.fields.find((x) => x.name === c)?.isRequired);
        const onDelete = onDeleteSql[f.relationOnDelete ?? (required ? 'Restrict' : 'SetNull')] ?? 'RESTRICT';
        return {
          name: `${table}_${cols.join('_')}_fkey`,
          columns: cols,
          refTable: ref?.dbName ?? f.type,
          refColumns: f.relationToFields ?? [],
          onDelete,
        };
      });
    return { name: table, columns, primaryKey, indexes, foreignKeys };
  });
}
