// Database commands: migrate, seed, drift check, and a draft of the full schema's SQL.
import { dropDatabase } from '../db/adminConnection.ts';
import { createOrUpdateAppUser, grantAppUser, MIN_APP_USER_PASSWORD_LENGTH } from '../db/appUserGrants.ts';
import { findDrift } from '../db/drift.ts';
import { draftCreateAll } from '../db/migrationDraft.ts';
import { seedKnowledge } from '../db/seedKnowledge.ts';
import { tableShapesFromSchema } from '../db/tableShape.ts';
import { ensureDatabase } from '../setup/databaseReady.ts';
import { type Command, parseOptions, printJson, readStdin, UsageError } from './command.ts';
import { commandEnv, loadProjectKnowledge, log, withDb } from './context.ts';

export const dbCommands: Record<string, Command> = {
  'db migrate': {
    summary: 'create the database if missing and apply pending migrations',
    async run() {
      const { created, migrations } = await ensureDatabase(commandEnv().target, log);
      printJson({ created, ...migrations });
    },
  },
  'db seed': {
    summary: 'load data/knowledge into the database (idempotent)',
    async run() {
      const kb = loadProjectKnowledge();
      printJson(await withDb((db) => seedKnowledge(db, kb)));
    },
  },
  'db drift': {
    summary: 'compare the migrated database with prisma/schema.prisma; exit 1 on any difference',
    async run() {
      const differences = await findDrift(commandEnv().target, await tableShapesFromSchema());
      printJson({ differences });
      if (differences.length) process.exitCode = 1;
    },
  },
  'db grant': {
    summary:
      'give the server’s database account (--user, --host, default %) read and write on every table, but only read and insert on the audit trail; --create first creates it (or sets its password) with the password on standard input',
    async run(args) {
      const { values } = parseOptions(args, {
        user: { type: 'string' },
        host: { type: 'string' },
        create: { type: 'boolean' },
      });
      if (!values.user) throw new UsageError('db grant needs --user (the server’s account; DATABASE_URL is the owner)');
      const { target } = commandEnv();
      const host = values.host ?? '%';
      if (values.create) {
        const password = await readStdin('Password of the server’s database account: ');
        if (password.length < MIN_APP_USER_PASSWORD_LENGTH)
          throw new UsageError(
            `the account’s password (standard input) needs at least ${MIN_APP_USER_PASSWORD_LENGTH} characters, e.g. \`openssl rand -hex 24\``,
          );
        await createOrUpdateAppUser(target, values.user, host, password);
      }
      const statements = await grantAppUser(target, values.user, host);
      printJson({ account: `${values.user}@${host}`, passwordSet: values.create === true, granted: statements });
    },
  },
  'db drop-test': {
    summary: 'drop the configured database, only if it is a throwaway test database (cdss_test_*)',
    async run() {
      const { target } = commandEnv();
      if (!target.database.startsWith('cdss_test_'))
        throw new UsageError(`refusing to drop ${target.database}: only cdss_test_* databases are dropped`);
      await dropDatabase(target);
      printJson({ dropped: target.database });
    },
  },
  'db draft': {
    summary: 'print SQL that creates every table of schema.prisma (to draft a migration)',
    async run() {
      process.stdout.write(draftCreateAll(await tableShapesFromSchema()));
    },
  },
};
