// `cdss user add --email E --role admin|practitioner|researcher [--name N]`, password on standard input;
// `cdss user passwd --email E` (current and new password on standard input, one a line);
// `cdss user totp reset <email>` (an admin's reset of a lost second factor).
import { Role } from '@unani/contracts';
import { ZodError } from 'zod';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import { DomainError } from '../services/domainErrors.ts';
import { changeOwnPassword } from '../services/passwordService.ts';
import { resetTotp } from '../services/totpService.ts';
import { createUser, DuplicateEmailError } from '../services/userService.ts';
import { type Command, parseOptions, printJson, readStdin, UsageError } from './command.ts';
import { withDb } from './context.ts';

/**
 * The command has no credential cache of its own; servers trust a cached session for at most 5 s more
 * (decision 0011), as with any change made directly in the database.
 */
const noCache: CredentialChanges = { changed: () => undefined, propagation: () => 'in-process', close: async () => {} };

function usageOf(error: unknown): never {
  if (error instanceof DomainError) {
    const fields = error.fields?.map((f) => `${f.field.replace(/^body\./, '')}: ${f.message}`);
    throw new UsageError(fields?.length ? fields.join('; ') : error.message);
  }
  throw error;
}

export const userCommands: Record<string, Command> = {
  'user add': {
    summary: 'create an account; the password is read from standard input',
    async run(args) {
      const { values } = parseOptions(args, {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
      });
      if (!values.email) throw new UsageError('user add needs --email');
      const role = Role.safeParse(values.role);
      if (!role.success)
        throw new UsageError(`user add needs --role admin|practitioner|researcher (got ${values.role ?? 'none'})`);
      const password = await readStdin('Password: ');
      const name = values.name ?? values.email.split('@')[0] ?? values.email;
      try {
        const user = await withDb((db) =>
          createUser(db, { email: values.email as string, name, role: role.data, password }),
        );
        printJson({ user });
      } catch (error) {
        if (error instanceof DuplicateEmailError) throw new UsageError(error.message);
        if (error instanceof ZodError) {
          throw new UsageError(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        }
        throw error;
      }
    },
  },
  'user passwd': {
    summary:
      'change an account’s password: the current one, then the new one, on standard input (one a line); its sessions end',
    async run(args) {
      const { values } = parseOptions(args, { email: { type: 'string' } });
      if (!values.email) throw new UsageError('user passwd needs --email');
      const [currentPassword = '', newPassword = ''] = (await readStdin('Current password, then new password: ')).split(
        /\r?\n/,
      );
      const email = values.email.toLowerCase();
      await withDb(async (db) => {
        const user = await db.user.findUnique({ where: { email }, select: { id: true } });
        if (!user) throw new UsageError(`No account has the email ${email}.`);
        await changeOwnPassword(db, noCache, { userId: user.id, sessionId: null, currentPassword, newPassword }).catch(
          usageOf,
        );
        printJson({ passwordChanged: email });
      });
    },
  },
  'user totp reset': {
    summary: 'remove an account’s second factor (lost phone): it signs in with its password and sets up a new one',
    async run(args) {
      const { positionals } = parseOptions(args, {});
      const email = positionals[0];
      if (!email) throw new UsageError('user totp reset needs the account’s email');
      const user = await withDb((db) => resetTotp(db, noCache, email)).catch(usageOf);
      printJson({ totpReset: email.toLowerCase(), id: user.id });
    },
  },
};
