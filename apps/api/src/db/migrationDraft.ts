// Drafts migration SQL in Prisma's MySQL style from the expected table shapes. Prisma's own
// `migrate diff` needs a native engine that cannot be installed here; a draft is reviewed by hand.
import type { TableShape } from './tableShape.ts';

const q = (name: string) => `\`${name}\``;
const list = (names: string[]) => names.map(q).join(', ');

function createTable(t: TableShape): string {
  const lines = t.columns.map((c) => {
    const parts = [q(c.name), c.type, c.nullable ? 'NULL' : 'NOT NULL'];
    if (c.defaultSql) parts.push(`DEFAULT ${c.defaultSql}`);
    if (c.autoIncrement) parts.push('AUTO_INCREMENT');
    return `    ${parts.join(' ')}`;
  });
  for (const i of t.indexes) lines.push(`    ${i.unique ? 'UNIQUE INDEX' : 'INDEX'} ${q(i.name)}(${list(i.columns)})`);
  lines.push(`    PRIMARY KEY (${list(t.primaryKey)})`);
  const body = lines.join(',\n');
  return `-- CreateTable\nCREATE TABLE ${q(t.name)} (\n${body}\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n`;
}

function addForeignKeys(t: TableShape): string[] {
  return t.foreignKeys.map(
    (fk) =>
      `-- AddForeignKey\nALTER TABLE ${q(t.name)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${list(fk.columns)}) ` +
      `REFERENCES ${q(fk.refTable)}(${list(fk.refColumns)}) ON DELETE ${fk.onDelete} ON UPDATE CASCADE;\n`,
  );
}

/** The SQL that creates every table from nothing: tables first, then foreign keys. */
export function draftCreateAll(tables: TableShape[]): string {
  return [...tables.map(createTable), ...tables.flatMap(addForeignKeys)].join('\n');
}
