// The privileges of the account the server runs as, once migrations are applied by the database's owner: read
// and write every table, but only read and add to the audit trail — never change or delete a row of it — and
// only read the migration history. MySQL cannot take one table out of a database-wide grant, so the grants are
// per table; run `cdss db grant` again after a migration that adds a table.
import type { RowDataPacket } from 'mysql2/promise';
import { connectServer } from './adminConnection.ts';
import type { DatabaseTarget } from './databaseUrl.ts';

export const AUDIT_TABLE = 'AuditLog';
const MIGRATIONS_TABLE = '_prisma_migrations';

const quoteIdent = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const quoteString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** The privileges on one table. The start-up migration check creates its history table "if not exists". */
export function tablePrivileges(table: string): string {
  if (table === AUDIT_TABLE) return 'SELECT, INSERT';
  if (table === MIGRATIONS_TABLE) return 'SELECT, CREATE';
  return 'SELECT, INSERT, UPDATE, DELETE';
}

/** The GRANT statements for `user`@`host` on every table of `database`. */
export function grantStatements(database: string, tables: string[], user: string, host: string): string[] {
  const account = `${quoteString(user)}@${quoteString(host)}`;
  return tables.map(
    (table) => `GRANT ${tablePrivileges(table)} ON ${quoteIdent(database)}.${quoteIdent(table)} TO ${account}`,
  );
}

/** Shortest password accepted for the server's account: it is a machine secret, e.g. `openssl rand -hex 24`. */
export const MIN_APP_USER_PASSWORD_LENGTH = 16;

/**
 * Creates the server's account when missing and sets its password either way, so that a changed secret takes
 * effect at the next deployment (connected as the database's owner).
 */
export async function createOrUpdateAppUser(
  target: DatabaseTarget,
  user: string,
  host: string,
  password: string,
): Promise<void> {
  if (password.length < MIN_APP_USER_PASSWORD_LENGTH)
    throw new Error(`The account's password needs at least ${MIN_APP_USER_PASSWORD_LENGTH} characters.`);
  const conn = await connectServer(target);
  try {
    await conn.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [user, host, password]);
    await conn.query('ALTER USER ?@? IDENTIFIED BY ?', [user, host, password]);
  } finally {
    await conn.end();
  }
}

/** Grants the server's account its privileges on the configured database (connected as its owner). */
export async function grantAppUser(target: DatabaseTarget, user: string, host: string): Promise<string[]> {
  const conn = await connectServer(target);
  try {
    const [rows] = await conn.query<RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
      [target.database],
    );
    const statements = grantStatements(
      target.database,
      rows.map((r) => String(r.name)),
      user,
      host,
    );
    if (!rows.some((r) => r.name === MIGRATIONS_TABLE)) {
      throw new Error(`${target.database} has no migrations applied: run \`cdss db migrate\` as its owner first.`);
    }
    for (const statement of statements) await conn.query(statement);
    return statements;
  } finally {
    await conn.end();
  }
}
