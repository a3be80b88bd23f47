// Server-side sign-in sessions: the cookie holds a random token, the database only its hash.
import type { Role } from '@unani/contracts';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { randomToken, sha256Hex } from './tokens.ts';

/** A working day: a session ends this long after sign-in however busy it is, so a stolen cookie dies too. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** Clinic computers are shared: a session left alone this long ends (SESSION_IDLE_MINUTES configures it). */
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;
/** Record activity at most this often (or a tenth of the idle limit, if shorter), not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  /** Past this instant the session is over unless used again before, whatever a cache remembers. */
  expiresAt: Date;
  /** An admin without a second factor: only setting one up is open. */
  mustEnrolTotp: boolean;
  /** The account's password was generated at first start: only changing it is open. */
  mustChangePassword: boolean;
  user: SessionUser;
}

/**
 * A new session; its stored expiry is the absolute end, which activity never moves. In a transaction, so that a
 * sign-in's audit row commits with it.
 */
export async function createSession(db: Db, userId: string, options: { mustEnrolTotp?: boolean } = {}) {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
  const mustEnrolTotp = options.mustEnrolTotp ?? false;
  const data = {
    tokenHash: sha256Hex(token),
    userId,
    csrfToken,
    expiresAt,
    createdAt: now,
    lastSeenAt: now,
    mustEnrolTotp,
  };
  const { id } = await inTransaction(db, (tx) => tx.session.create({ data, select: { id: true } }));
  return { id, token, csrfToken, expiresAt };
}

/**
 * The session for a cookie token, or undefined when unknown, idle for `idleMs`, past its absolute end or its
 * account is disabled. Both limits are checked here, on the server, whatever the cookie's own lifetime.
 */
export async function findSession(
  db: DbTx,
  token: string,
  idleMs = DEFAULT_SESSION_IDLE_MS,
): Promise<ActiveSession | undefined> {
  const row = await db.session.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      csrfToken: true,
      expiresAt: true,
      createdAt: true,
      lastSeenAt: true,
      mustEnrolTotp: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true, mustChangePassword: true } },
    },
  });
  if (!row || row.user.disabled) return undefined;
  const now = Date.now();
  // Sessions from before the absolute limit had a sliding expiry: their creation bounds them too.
  const end = Math.min(row.expiresAt.getTime(), row.createdAt.getTime() + SESSION_MAX_MS);
  let lastSeen = row.lastSeenAt.getTime();
  if (now >= end || now - lastSeen >= idleMs) return undefined;
  if (now - lastSeen > Math.min(TOUCH_INTERVAL_MS, idleMs / 10)) {
    lastSeen = now;
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { disabled: _disabled, mustChangePassword, ...user } = row.user;
  return {
    id: row.id,
    csrfToken: row.csrfToken,
    expiresAt: new Date(Math.min(end, lastSeen + idleMs)),
    mustEnrolTotp: row.mustEnrolTotp,
    mustChangePassword,
    user,
  };
}

/**
 * Ends one session (sign-out, or the previous one at a new sign-in) and has every replica forget it. It takes
 * the client, not a transaction, so the announcement follows a committed delete.
 */
export async function endSession(db: Db, credentials: CredentialChanges, token: string): Promise<void> {
  const hash = sha256Hex(token);
  await inTransaction(db, (tx) => tx.session.deleteMany({ where: { tokenHash: hash } }));
  credentials.changed({ hash });
}

export async function deleteUserSessions(db: DbTx, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
