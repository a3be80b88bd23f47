import { spawnSync } from 'node:child_process';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config/paths.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

function cdss(args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/main.ts', ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: t.url, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cdss user add', () => {
  it('creates an account with an argon2id hash of the password read from standard input', async () => {
    const run = cdss(
      ['user', 'add', '--email', 'Hakim@Example.org', '--role', 'practitioner'],
      'a long enough secret\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.user).toMatchObject({ email: 'hakim@example.org', role: 'practitioner', name: 'Hakim' });
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: 'hakim@example.org' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(stored.passwordHash, 'a long enough secret')).toBe(true);
    expect(run.stdout).not.toContain('secret');
  });

  it('refuses a second account with the same email in one line', () => {
    const run = cdss(['user', 'add', '--email', 'hakim@example.org', '--role', 'admin'], 'another long secret');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cdss: An account with the email hakim@example.org already exists.\n');
  });

  it('refuses an unknown role and a short password with one-line messages', () => {
    const badRole = cdss(['user', 'add', '--email', 'x@example.org', '--role', 'owner'], 'a long enough secret');
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toBe('cdss: user add needs --role admin|practitioner|researcher (got owner)\n');
    const shortPassword = cdss(['user', 'add', '--email', 'x@example.org', '--role', 'admin'], 'short');
    expect(shortPassword.status).toBe(2);
    expect(shortPassword.stderr).toBe('cdss: password: a password has at least 12 characters\n');
  });
});

describe('cdss', () => {
  it('names an unknown command and lists the commands', () => {
    const run = cdss(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cdss: unknown command "frobnicate". Commands:\n/);
    expect(run.stderr).toContain('cdss user add');
  });
});

describe('start-up problems', () => {
  it('explains in one paragraph, without a stack trace, when no database answers', () => {
    // Port 9 on loopback has no MySQL server; no Docker engine runs on the test machines.
    const run = cdss(['db', 'migrate'], '', { DATABASE_URL: 'mysql://root@127.0.0.1:9/unani_cdss' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^cdss: Cannot reach a MySQL\/MariaDB server at 127\.0\.0\.1:9 /);
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).toContain('docker compose up -d db');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('stops on a bad configuration value and names the variable', () => {
    const run = cdss(['serve'], '', { PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^cdss: Invalid configuration:\n {2}PORT: /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
