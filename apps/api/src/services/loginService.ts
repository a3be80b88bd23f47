// Checking a password at sign-in, with a lockout after repeated failures.
import { verifyPassword } from '../auth/passwords.ts';
import type { DbTx } from '../db/prisma.ts';
import type { SessionUser } from './sessionService.ts';

/** OWASP suggests a small number of attempts before a temporary lock. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** A fixed argon2id hash to verify against when the email is unknown, so timing does not reveal accounts. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$73oblFM58uP5ZgeZT400ww$iErgkfROYQmMNB4qHZycHCAbWMlRLzvDg4S2xYAPVaE';

export type LoginOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

export async function checkLogin(db: DbTx, email: string, password: string): Promise<LoginOutcome> {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      disabled: true,
      failedLoginCount: true,
      lockedUntil: true,
    },
  });
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    return { ok: false, reason: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now())
    return { ok: false, reason: 'locked', until: user.lockedUntil };
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.disabled) {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + LOCKOUT_MS) : null },
    });
    return lock
      ? { ok: false, reason: 'locked', until: new Date(Date.now() + LOCKOUT_MS) }
      : { ok: false, reason: 'invalid' };
  }
  if (user.failedLoginCount > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
