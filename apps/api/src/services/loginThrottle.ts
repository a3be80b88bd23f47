// Budgets of password checks per window, counted atomically: a sign-in takes a slot before its password is
// checked, in one statement that increments the bucket's row (or starts a new window), so parallel guesses
// cannot all read the same count.
import type { Db, DbTx } from '../db/prisma.ts';

/** OWASP's "a small number of attempts" per account and window; the window is that of the old lockout. */
export const ACCOUNT_CHECKS_PER_WINDOW = 5;
/** Per client address, across all accounts (password spraying); a clinic behind one address still signs in. */
export const ADDRESS_CHECKS_PER_WINDOW = 30;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Buckets of windows long over are deleted at most this often per process (guesses at random emails add rows). */
const PRUNE_INTERVAL_MS = 60 * 1000;
let lastPrune = 0;

/**
 * Takes one slot of `bucket`; true when the slot is within `limit` for the current window. The increment and
 * the read run in one transaction on the row it locks, so each caller sees its own count.
 */
export async function takeSlot(db: Db, bucket: string, limit: number, now = new Date()): Promise<boolean> {
  const windowOver = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  if (now.getTime() - lastPrune > PRUNE_INTERVAL_MS) {
    lastPrune = now.getTime();
    await db.loginThrottle.deleteMany({ where: { windowStart: { lte: windowOver } } });
  }
  const [, rows] = await db.$transaction([
    db.$executeRaw`INSERT INTO LoginThrottle (bucket, windowStart, attempts) VALUES (${bucket}, ${now}, 1)
      ON DUPLICATE KEY UPDATE attempts = IF(windowStart <= ${windowOver}, 1, attempts + 1),
                              windowStart = IF(windowStart <= ${windowOver}, ${now}, windowStart)`,
    db.$queryRaw<{ attempts: number }[]>`SELECT attempts FROM LoginThrottle WHERE bucket = ${bucket}`,
  ]);
  return Number(rows[0]?.attempts ?? Number.POSITIVE_INFINITY) <= limit;
}

/** Gives back a slot (a successful sign-in from an address does not count against it). */
export async function returnSlot(db: Db, bucket: string): Promise<void> {
  await db.$executeRaw`UPDATE LoginThrottle SET attempts = GREATEST(attempts - 1, 0) WHERE bucket = ${bucket}`;
}

/** Empties buckets: an account's after a correct sign-in or a new password. */
export async function clearBuckets(db: DbTx, buckets: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { bucket: { in: buckets } } });
}

/** When each exhausted bucket opens again. */
export async function exhaustedUntil(db: DbTx, buckets: string[], now = new Date()): Promise<Map<string, Date>> {
  const rows = await db.loginThrottle.findMany({
    where: {
      bucket: { in: buckets },
      attempts: { gte: ACCOUNT_CHECKS_PER_WINDOW },
      windowStart: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) },
    },
  });
  return new Map(rows.map((r) => [r.bucket, new Date(r.windowStart.getTime() + THROTTLE_WINDOW_MS)]));
}
