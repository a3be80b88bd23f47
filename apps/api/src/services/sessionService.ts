// Server-side sign-in sessions: the cookie holds a random token, the database only its hash.
import type { Role } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';
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
  user: SessionUser;
}

export async function createSession(db: DbTx, userId: string) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.create({ data: { tokenHash: sha256Hex(token), userId, csrfToken, expiresAt } });
  return { token, csrfToken, expiresAt };
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
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now || row.user.disabled) return undefined;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({
      where: { id: row.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_MS) },
    });
  }
  const { disabled: _disabled, ...user } = row.user;
  return { id: row.id, csrfToken: row.csrfToken, user };
}

export async function deleteSession(db: DbTx, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: sha256Hex(token) } });
}

export async function deleteUserSessions(db: DbTx, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
