// Checking a password at sign-in. Real, unknown, throttled and disabled accounts get the same answer after the
// same work: one argon2 verification (against a dummy hash when there is nothing real to check) and the same
// queries. Password checks are budgeted per account and per client address (loginThrottle.ts); a browser that
// signed in to the account before has its own budget, so guesses from elsewhere cannot keep the owner out.
import { verifyPassword } from '../auth/passwords.ts';
import type { Db } from '../db/prisma.ts';
import {
  ACCOUNT_CHECKS_PER_WINDOW,
  ADDRESS_CHECKS_PER_WINDOW,
  clearBuckets,
  returnSlot,
  takeSlot,
} from './loginThrottle.ts';
import type { SessionUser } from './sessionService.ts';
import { randomToken, sha256Hex } from './tokens.ts';

/** A fixed argon2id hash (of a random string, with the default parameters) verified when no real hash applies. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$73oblFM58uP5ZgeZT400ww$iErgkfROYQmMNB4qHZycHCAbWMlRLzvDg4S2xYAPVaE';

export interface LoginAttempt {
  email: string;
  password: string;
  clientIp: string;
  /** The device cookie, when the browser has one. */
  deviceToken?: string;
}

export type LoginOutcome =
  | { ok: true; user: SessionUser; totpEnabled: boolean; knownDevice: boolean; buckets: [string, string | null] }
  | { ok: false; reason: 'invalid' | 'throttled'; userId: string | null };

/** The account's bucket: by the email's hash, so an unknown email is throttled exactly like a real one. */
export function accountBucket(email: string): string {
  return `account:${sha256Hex(email.toLowerCase())}`;
}

const addressBucket = (ip: string) => `address:${ip}`;

export async function checkLogin(db: Db, attempt: LoginAttempt): Promise<LoginOutcome> {
  const email = attempt.email.toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabled: true, totpEnabledAt: true },
  });
  const device = attempt.deviceToken ? await knownDevice(db, attempt.deviceToken, user?.id) : undefined;
  const account = device ? `${accountBucket(email)}:device:${device}` : accountBucket(email);
  // The address first: a throttled address spends none of the account's budget. A known browser skips it: the
  // address budget stops spraying from strangers, and behind a shared address (a clinic's NAT, a proxy) strangers
  // must not be able to spend it for the account's owner.
  const address = device ? null : addressBucket(attempt.clientIp);
  const allowed =
    (address === null || (await takeSlot(db, address, ADDRESS_CHECKS_PER_WINDOW))) &&
    (await takeSlot(db, account, ACCOUNT_CHECKS_PER_WINDOW));
  const hash = allowed && user ? user.passwordHash : DUMMY_HASH;
  const valid = await verifyPassword(hash, attempt.password);
  if (!allowed) return { ok: false, reason: 'throttled', userId: user?.id ?? null };
  if (!user || !valid || user.disabled) return { ok: false, reason: 'invalid', userId: user?.id ?? null };
  const { id, name, role } = user;
  return {
    ok: true,
    user: { id, email: user.email, name, role },
    totpEnabled: user.totpEnabledAt !== null,
    knownDevice: device !== undefined,
    buckets: [account, address],
  };
}

/**
 * Once the sign-in is complete (password and, where set, second factor): the account's budget starts afresh and
 * the address gets its slot back. Not before: a right password with a wrong code still spends a slot.
 */
export async function loginSucceeded(db: Db, [account, address]: [string, string | null]): Promise<void> {
  await clearBuckets(db, [account]);
  if (address) await returnSlot(db, address);
}

/** The hash of a device cookie that belongs to this account, or undefined. */
async function knownDevice(db: Db, token: string, userId: string | undefined): Promise<string | undefined> {
  const tokenHash = sha256Hex(token);
  const row = await db.signInDevice.findUnique({ where: { tokenHash }, select: { userId: true } });
  return row && row.userId === userId ? tokenHash : undefined;
}

/** Browsers remembered per account; the oldest are forgotten (scripts that sign in without cookies add one each). */
const MAX_DEVICES_PER_ACCOUNT = 20;

/** Remembers the browser that just signed in; returns the cookie value. */
export async function rememberDevice(db: Db, userId: string): Promise<string> {
  const token = randomToken();
  await db.signInDevice.create({ data: { tokenHash: sha256Hex(token), userId } });
  const older = await db.signInDevice.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    skip: MAX_DEVICES_PER_ACCOUNT,
    select: { tokenHash: true },
  });
  if (older.length > 0)
    await db.signInDevice.deleteMany({ where: { tokenHash: { in: older.map((d) => d.tokenHash) } } });
  return token;
}
