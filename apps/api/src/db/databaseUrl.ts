// Splits a mysql:// URL into the parts the MariaDB/MySQL drivers take.

export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

const DEFAULT_MYSQL_PORT = 3306;

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const u = new URL(url);
  if (u.protocol !== 'mysql:') throw new Error(`DATABASE_URL must start with mysql:// (got ${u.protocol}//)`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]+$/.test(database)) throw new Error(`DATABASE_URL names no valid database: "${database}"`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : DEFAULT_MYSQL_PORT,
    user: decodeURIComponent(u.username || 'root'),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database,
  };
}

/** The same server with another database name (throwaway test databases). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** host:port/database without credentials, for messages and logs. */
export function describeTarget(t: DatabaseTarget): string {
  return `${t.user}@${t.host}:${t.port}/${t.database}`;
}
