// Changing one's own password: the current one is required (and its checks budgeted like sign-in's, so a
// borrowed session cannot guess it), the new one must pass the policy, and every other session of the account ends.
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import { passwordProblem } from '../auth/passwordPolicy.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { Db } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { invalid, notFound } from './domainErrors.ts';
import { accountBucket } from './loginService.ts';
import { ACCOUNT_CHECKS_PER_WINDOW, clearBuckets, takeSlot } from './loginThrottle.ts';

export interface PasswordChange {
  userId: string;
  /** The session making the change stays signed in; the account's others end. */
  sessionId: string | null;
  currentPassword: string;
  newPassword: string;
}

export async function changeOwnPassword(db: Db, credentials: CredentialChanges, change: PasswordChange) {
  const user = await db.user.findUnique({
    where: { id: change.userId },
    select: { email: true, passwordHash: true },
  });
  if (!user) throw notFound('The account');
  const bucket = accountBucket(user.email);
  if (!(await takeSlot(db, bucket, ACCOUNT_CHECKS_PER_WINDOW))) {
    throw invalid('Too many wrong passwords for this account: wait 15 minutes and try again.');
  }
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    const message = 'is not the account’s current password';
    throw invalid('The current password is wrong.', [{ field: 'body.currentPassword', message }]);
  }
  const weak = passwordProblem(change.newPassword, user.email);
  if (weak) throw invalid(weak, [{ field: 'body.newPassword', message: weak }]);
  const passwordHash = await hashPassword(change.newPassword);
  await inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: change.userId }, data: { passwordHash, mustChangePassword: false } });
    await tx.session.deleteMany({
      where: { userId: change.userId, ...(change.sessionId ? { id: { not: change.sessionId } } : {}) },
    });
    await clearBuckets(tx, [bucket]);
  });
  credentials.changed({ userId: change.userId });
}
