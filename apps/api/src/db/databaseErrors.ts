// Recognises "the database is not answering" among the errors Prisma and the MariaDB driver throw,
// so the API can answer 503 (try again shortly) instead of 500 (our bug).

/** Socket-level failures between the driver and the server (Node's and the MariaDB driver's names). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ER_CONNECTION_ALREADY_CLOSED',
  'ER_SOCKET_UNEXPECTED_CLOSE',
  'ER_CONNECTION_TIMEOUT',
  'ER_CMD_CONNECTION_CLOSED',
  'ER_SOCKET',
  'ER_SOCKET_TIMEOUT',
  'ER_POOL_ALREADY_CLOSED',
  'ER_GET_CONNECTION_TIMEOUT',
  'ER_CLOSING_POOL',
  'PROTOCOL_CONNECTION_LOST',
]);

/**
 * Numeric codes: the MariaDB driver's connection errors (450xx: connection closed, socket closed,
 * connect timeout, commands on a closed connection, socket error or timeout, pool closed, pool
 * timeout, pool closing, initial timeout) and the server's "too many connections", "shutdown in
 * progress" and "connection killed".
 */
const UNREACHABLE_ERRNOS = new Set([
  45001, 45004, 45009, 45012, 45013, 45019, 45026, 45027, 45028, 45035, 45037, 45039, 1040, 1053, 1927,
]);

/**
 * Prisma's codes for an unreachable server, a timed-out connection or pool, a closed connection,
 * and a transaction that could not start or finish in time (P2028).
 */
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** SQLSTATE class 08: connection exception. */
const CONNECTION_SQLSTATE = /^08/;

/** How deep to follow `cause` chains; real ones are two or three levels. */
const MAX_DEPTH = 6;

function unreachable(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return false;
  const e = value as {
    code?: unknown;
    errno?: unknown;
    state?: unknown;
    sqlState?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
  };
  if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || UNREACHABLE_PRISMA_CODES.has(e.code)))
    return true;
  for (const n of [e.code, e.errno]) if (typeof n === 'number' && UNREACHABLE_ERRNOS.has(n)) return true;
  for (const s of [e.state, e.sqlState]) if (typeof s === 'string' && CONNECTION_SQLSTATE.test(s)) return true;
  return unreachable(e.meta?.driverAdapterError?.cause, depth + 1) || unreachable(e.cause, depth + 1);
}

/** True when `error` means the database cannot be reached right now (not a bad query or a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unreachable(error, 0);
}

/** True when `error` is Prisma's unique-constraint violation: another row already holds the value. */
export const isDuplicate = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2002';
