// Server-level operations that Prisma does not do: create and drop databases, check the server answers.
import mysql from 'mysql2/promise';
import type { DatabaseTarget } from './databaseUrl.ts';

const CONNECT_TIMEOUT_MS = 5_000;

export function connectServer(t: DatabaseTarget, database?: string) {
  return mysql.createConnection({
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    database,
    connectTimeout: CONNECT_TIMEOUT_MS,
    multipleStatements: true,
    charset: 'utf8mb4',
  });
}

const quoteIdent = (name: string) => `\`${name.replaceAll('`', '``')}\``;

export async function createDatabaseIfMissing(t: DatabaseTarget): Promise<boolean> {
  const conn = await connectServer(t);
  try {
    const [rows] = await conn.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      t.database,
    ]);
    if ((rows as unknown[]).length > 0) return false;
    await conn.query(`CREATE DATABASE ${quoteIdent(t.database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return true;
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(t: DatabaseTarget): Promise<void> {
  const conn = await connectServer(t);
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${quoteIdent(t.database)}`);
  } finally {
    await conn.end();
  }
}
