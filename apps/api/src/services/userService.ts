// Creating accounts: from the `cdss user add` command, the first-run admin, and (later) the admin pages.
import { randomBytes } from 'node:crypto';
import { Role } from '@unani/contracts';
import { z } from 'zod';
import { passwordProblem } from '../auth/passwordPolicy.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { DbTx } from '../db/prisma.ts';

export const NewUser = z
  .object({
    email: z
      .email()
      .max(191)
      .transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(191),
    role: Role,
    password: z.string(),
  })
  .superRefine((user, ctx) => {
    const problem = passwordProblem(user.password, user.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type NewUser = z.input<typeof NewUser>;

export class DuplicateEmailError extends Error {
  override name = 'DuplicateEmailError';
}

export async function createUser(db: DbTx, input: NewUser) {
  const user = NewUser.parse(input);
  const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) throw new DuplicateEmailError(`An account with the email ${user.email} already exists.`);
  const passwordHash = await hashPassword(user.password);
  return db.user.create({
    data: { email: user.email, name: user.name, role: user.role, passwordHash },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}

/** A random password for the first-run admin: 18 bytes, base64url (24 characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export const FIRST_ADMIN_EMAIL = 'admin@clinic.local';

/** Creates the first admin when no account exists; returns its generated password once, or undefined. */
export async function ensureFirstAdmin(db: DbTx): Promise<{ email: string; password: string } | undefined> {
  if ((await db.user.count()) > 0) return undefined;
  const password = generatePassword();
  const admin = await createUser(db, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin', password });
  // Shown once on a terminal, it may have been seen over a shoulder: the admin replaces it at first sign-in.
  await db.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
  return { email: FIRST_ADMIN_EMAIL, password };
}
