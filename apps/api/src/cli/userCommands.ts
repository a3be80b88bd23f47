// `cdss user add --email E --role admin|practitioner|researcher [--name N]`, password on standard input.
import { Role } from '@unani/contracts';
import { ZodError } from 'zod';
import { createUser, DuplicateEmailError } from '../services/userService.ts';
import { type Command, parseOptions, printJson, UsageError } from './command.ts';
import { withDb } from './context.ts';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
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
      const password = await readStdin();
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
};
