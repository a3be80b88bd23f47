import { spawnSync } from 'node:child_process';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config/paths.ts';
import { cdssArgs } from './productionBundle.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

function cdss(args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, cdssArgs(...args), {
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

describe('weak passwords', () => {
  it.each([
    ['twelve spaces', '            ', 'a password cannot be only spaces'],
    ['one repeated letter', 'aaaaaaaaaaaa', 'a password cannot repeat one character'],
    ['a common password', 'password1234', 'this password is among the most common ones'],
  ])('refuses %s', (_name, password, message) => {
    const run = cdss(['user', 'add', '--email', 'weak@example.org', '--role', 'practitioner'], password);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('cdss user passwd', () => {
  it('needs the current password, refuses a weak new one, then changes it and ends the sessions', async () => {
    cdss(['user', 'add', '--email', 'passwd@example.org', '--role', 'practitioner'], 'the first long secret');
    const user = await t.db.user.findUniqueOrThrow({ where: { email: 'passwd@example.org' } });
    await t.db.session.create({
      data: {
        tokenHash: 'f'.repeat(64),
        userId: user.id,
        csrfToken: 'c'.repeat(64),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const wrong = cdss(['user', 'passwd', '--email', 'passwd@example.org'], 'not the secret\na second long secret\n');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('cdss: currentPassword: is not the account’s current password\n');
    const weak = cdss(['user', 'passwd', '--email', 'passwd@example.org'], 'the first long secret\nqwertyuiop123\n');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('newPassword: this password is among the most common ones');
    const run = cdss(
      ['user', 'passwd', '--email', 'passwd@example.org'],
      'the first long secret\na second long secret\n',
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ passwordChanged: 'passwd@example.org' });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verify(stored.passwordHash, 'a second long secret')).toBe(true);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  }, 120_000);
});

describe('cdss user totp reset', () => {
  it('removes the second factor and its recovery codes', async () => {
    cdss(['user', 'add', '--email', 'totp@example.org', '--role', 'admin'], 'an admin long secret');
    const user = await t.db.user.findUniqueOrThrow({ where: { email: 'totp@example.org' } });
    await t.db.user.update({ where: { id: user.id }, data: { totpSecret: 'v1.sealed', totpEnabledAt: new Date() } });
    await t.db.recoveryCode.create({ data: { userId: user.id, codeHash: 'e'.repeat(64) } });
    const run = cdss(['user', 'totp', 'reset', 'TOTP@example.org']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ totpReset: 'totp@example.org', id: user.id });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.totpSecret, stored.totpEnabledAt]).toEqual([null, null]);
    expect(await t.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const unknown = cdss(['user', 'totp', 'reset', 'nobody@example.org']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('cdss: The account nobody@example.org does not exist.\n');
  }, 90_000);
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
