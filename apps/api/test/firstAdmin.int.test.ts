// The first administrator's password reaches the operator's terminal once, and nothing else.
import { verify } from '@node-rs/argon2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from '../src/services/userService.ts';
import { setUpFirstAdmin } from '../src/setup/firstAdmin.ts';
import { signIn } from './factories.ts';
import { createTestDb } from './testDatabase.ts';
import { createTestServer } from './testServer.ts';

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

  it('holds the account to changing its generated password before anything else', async () => {
    const server = await createTestServer();
    try {
      const first = await ensureFirstAdmin(server.db);
      if (!first) throw new Error('no first admin');
      const session = await signIn(server.app, first.email, first.password);
      const me = async () =>
        (await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json();
      expect(await me()).toMatchObject({ mustChangePassword: true });
      const users = () => server.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: session.headers });
      const held = await users();
      expect(held.statusCode).toBe(403);
      expect(held.json().detail).toMatch(/generated at first start/);
      const changed = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: session.headers,
        payload: { currentPassword: first.password, newPassword: 'walnut lantern harbour 7' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await me()).mustChangePassword).toBeUndefined();
      // What remains is the second factor every admin must set up, not the password.
      const next = await users();
      expect(next.statusCode).toBe(403);
      expect(next.json().detail).toMatch(/second factor/);
    } finally {
      await server.close();
    }
  });
});
