// The first administrator's generated password is shown once, on the operator's terminal only: never through
// the logger or a redirected standard error, which end up in log collectors. With no terminal to show it on,
// no password is made up; the operator is told how to create the first account with one of their own.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Db } from '../db/prisma.ts';
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from '../services/userService.ts';

export interface Terminal {
  write(text: string): void;
}

const CONTROLLING_TERMINAL = '/dev/tty';

/** Standard error when it is a terminal, else the process's controlling terminal, else none (a container's logs). */
export function operatorTerminal(): Terminal | undefined {
  if (process.stderr.isTTY) return { write: (text) => void process.stderr.write(text) };
  try {
    closeSync(openSync(CONTROLLING_TERMINAL, 'w'));
  } catch {
    return undefined;
  }
  return {
    write(text) {
      const fd = openSync(CONTROLLING_TERMINAL, 'w');
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** On a database without accounts: creates the first admin and shows its password on the terminal, or says how. */
export async function setUpFirstAdmin(db: Db, say: (line: string) => void, terminal = operatorTerminal()) {
  if (!terminal) {
    if ((await db.user.count()) === 0)
      say(
        `No account yet. Create the first administrator with a password of your own: echo '<passphrase>' | npm run --silent cdss -- user add --email ${FIRST_ADMIN_EMAIL} --role admin`,
      );
    return;
  }
  const firstAdmin = await ensureFirstAdmin(db);
  if (!firstAdmin) return;
  terminal.write(
    `First run: sign in as ${firstAdmin.email} with the password ${firstAdmin.password}\n` +
      'This password is shown only once, on this terminal, and stored only as a hash: keep it safe.\n',
  );
}
