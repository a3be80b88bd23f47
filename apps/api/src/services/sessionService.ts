// Server-side sign-in sessions: the cookie holds a random token, the database only its hash.
import type { Role } from '@unani/contracts';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { randomToken, sha256Hex } from './tokens.ts';

/** A working day; the session slides forward while used. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Write the sliding expiry at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  /** Past this instant the session is over, whatever a cache remembers. */
  expiresAt: Date;
  /** An admin without a second factor: only setting one up is open. */
  mustEnrolTotp: boolean;
  user: SessionUser;
}

/** A new session; in a transaction, so that a sign-in's audit row commits with it. */
export async function createSession(db: Db, userId: string, options: { mustEnrolTotp?: boolean } = {}) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const mustEnrolTotp = options.mustEnrolTotp ?? false;
  const data = { tokenHash: sha256Hex(token), userId, csrfToken, expiresAt, mustEnrolTotp };
  const { id } = await inTransaction(db, (tx) => tx.session.create({ data, select: { id: true } }));
  return { id, token, csrfToken, expiresAt };
}

/** The session for a cookie token, or undefined when unknown, expired or its account is disabled. */
export async function findSession(db: DbTx, token: string): Promise<ActiveSession | undefined> {
  const row = await db.session.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      csrfToken: true,
      expiresAt: true,
      lastSeenAt: true,
      mustEnrolTotp: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now || row.user.disabled) return undefined;
  let expiresAt = row.expiresAt;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now + SESSION_TTL_MS);
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now), expiresAt } });
  }
  const { disabled: _disabled, ...user } = row.user;
  return { id: row.id, csrfToken: row.csrfToken, expiresAt, mustEnrolTotp: row.mustEnrolTotp, user };
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
