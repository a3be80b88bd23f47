// The second factor: setting up a TOTP secret (confirmed by a first code), recovery codes shown once and kept
// as hashes, checking a code at sign-in (each time step and each recovery code accepted once), and an admin's
// reset of a lost factor.
import { randomBytes } from 'node:crypto';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import { base32Encode, matchingStep, newTotpSecret, otpauthUri } from '../auth/totp.ts';
import type { SecretBox } from '../auth/totpSecrets.ts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { conflict, invalid, notFound } from './domainErrors.ts';
import { sha256Hex } from './tokens.ts';

export const RECOVERY_CODE_COUNT = 10;
/** 10 random bytes: 80 bits, out of reach of guessing, so a fast hash (SHA-256) is enough to store them. */
const RECOVERY_CODE_BYTES = 10;

const normalised = (code: string) => code.toUpperCase().replace(/[^A-Z2-7]/g, '');

function newRecoveryCode(): string {
  return (base32Encode(randomBytes(RECOVERY_CODE_BYTES)).match(/.{4}/g) ?? []).join('-');
}

/** Starts (or starts again) setting up a second factor; the secret is stored sealed and used once confirmed. */
export async function startTotpEnrolment(db: Db, box: SecretBox, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (!user) throw notFound('The account');
  if (user.totpEnabledAt) throw conflict('A second factor is already set up for this account; an admin can reset it.');
  const secret = newTotpSecret();
  await inTransaction(db, (tx) => tx.user.update({ where: { id: userId }, data: { totpSecret: box.seal(secret) } }));
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

/** Turns the factor on once the app shows a right code; returns the recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  db: Db,
  box: SecretBox,
  credentials: CredentialChanges,
  userId: string,
  code: string,
) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user) throw notFound('The account');
  if (user.totpEnabledAt) throw conflict('A second factor is already set up for this account.');
  if (!user.totpSecret) throw conflict('Start setting up the second factor first.');
  const step = matchingStep(box.open(user.totpSecret), code, null);
  if (step === undefined) {
    throw invalid('The code does not match: check the phone’s clock and enter the code now shown.', [
      { field: 'body.code', message: 'does not match' },
    ]);
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: sha256Hex(normalised(c)) })) });
    await tx.session.updateMany({ where: { userId }, data: { mustEnrolTotp: false } });
  });
  credentials.changed({ userId });
  return { recoveryCodes: codes };
}

/**
 * Whether `code` is the account's current TOTP code or one of its unused recovery codes; either is then used up.
 * Each is claimed by a conditional update, so two sign-ins racing with one code cannot both pass.
 */
export async function verifySecondFactor(db: DbTx, box: SecretBox, userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) return false;
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(box.open(user.totpSecret), code, user.totpLastStep);
    if (step === undefined) return false;
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: sha256Hex(normalised(code)), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function totpStatus(db: DbTx, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  const left = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: Boolean(user?.totpEnabledAt), recoveryCodesLeft: left };
}

/** An admin's reset of a lost factor: the account signs in with its password and sets up a new one. */
export async function resetTotp(db: Db, credentials: CredentialChanges, email: string) {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) throw notFound(`The account ${email}`);
  await inTransaction(db, async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.session.deleteMany({ where: { userId: user.id } });
  });
  credentials.changed({ userId: user.id });
  return { id: user.id };
}
