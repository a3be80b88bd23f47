// The first administrator's password reaches the operator's terminal once, and nothing else.
import { verify } from '@node-rs/argon2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_ADMIN_EMAIL } from '../src/services/userService.ts';
import { setUpFirstAdmin } from '../src/setup/firstAdmin.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t?.close();
  t = await createTestDb();
});

function recorder() {
  const said: string[] = [];
  const shown: string[] = [];
  return {
    said,
    shown,
    say: (line: string) => said.push(line),
    terminal: { write: (text: string) => shown.push(text) },
  };
}

describe('first administrator', () => {
  it('shows a generated password once, on the terminal only', async () => {
    const r = recorder();
    await setUpFirstAdmin(t.db, r.say, r.terminal);
    const password = /with the password (\S+)/.exec(r.shown.join(''))?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(r.said.join('\n')).not.toContain(password);
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: FIRST_ADMIN_EMAIL } });
    expect(admin.role).toBe('admin');
    expect(await verify(admin.passwordHash, password)).toBe(true);
    await setUpFirstAdmin(t.db, r.say, r.terminal);
    expect(r.shown).toHaveLength(1);
  });

  it('makes up no password without a terminal, and says how to create the first account', async () => {
    const r = recorder();
    await setUpFirstAdmin(t.db, r.say, undefined);
    expect(await t.db.user.count()).toBe(0);
    expect(r.said.join('\n')).toMatch(/user add --email admin@clinic\.local --role admin/);
  });
});
