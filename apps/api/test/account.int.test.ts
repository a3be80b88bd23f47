// One's own credentials: changing the password, setting up the second factor and signing in with it, and an
// admin without a second factor being held to setting one up.
import { SECOND_FACTOR_REQUIRED } from '@unani/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/auth/totp.ts';
import { createSignedInUser, createTestUser, type SignedIn, signIn, TEST_PASSWORD } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let addresses = 0;
beforeAll(async () => {
  s = await createTestServer();
});
afterAll(async () => {
  await s?.close();
});

const login = (payload: Record<string, string>) =>
  s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: `192.0.2.${++addresses}` });
const post = (session: SignedIn, url: string, payload?: unknown) =>
  s.app.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload: payload as object } : {}) });
const me = (cookie: string) => s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('changing one’s password', () => {
  it('needs the current password, refuses a common one, and ends the account’s other sessions only', async () => {
    const user = await createTestUser(s.db);
    const here = await signIn(s.app, user.email);
    const elsewhere = await signIn(s.app, user.email);
    const wrong = await post(here, '/api/v1/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'copper kettle orchard 9',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'body.currentPassword', message: expect.any(String) }]);
    const common = await post(here, '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'iloveyou1234',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0].field).toBe('body.newPassword');
    const changed = await post(here, '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'copper kettle orchard 9',
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(here.cookie)).statusCode).toBe(200);
    expect((await me(elsewhere.cookie)).statusCode).toBe(401);
    expect((await login({ email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await login({ email: user.email, password: 'copper kettle orchard 9' })).statusCode).toBe(200);
    const rows = await s.db.auditLog.findMany({ where: { action: 'auth.password.change', entityId: user.id } });
    expect(rows.map((r) => r.outcome)).toEqual(['invalid', 'invalid', 'ok']);
  });
});

describe('the second factor', () => {
  async function enrol(session: SignedIn) {
    const started = await post(session, '/api/v1/auth/totp/enrol');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Unani%20CDSS:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const confirmed = await post(session, '/api/v1/auth/totp/confirm', { code: totpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  it('is set up with a code from the app, stored sealed, with recovery codes kept only as hashes', async () => {
    const session = await createSignedInUser(s.app, s.db);
    const { secret, recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    const row = await s.db.user.findUniqueOrThrow({ where: { id: session.user.id } });
    expect(row.totpSecret).not.toContain(secret);
    const stored = await s.db.recoveryCode.findMany({ where: { userId: session.user.id } });
    expect(stored.map((c) => c.codeHash).join()).not.toContain(recoveryCodes[0]?.replaceAll('-', ''));
    const status = await s.app.inject({ method: 'GET', url: '/api/v1/auth/totp', headers: { cookie: session.cookie } });
    expect(status.json()).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    expect((await post(session, '/api/v1/auth/totp/enrol')).statusCode).toBe(409);
  });

  it('is asked for after the right password; a code works once, a recovery code once', async () => {
    const session = await createSignedInUser(s.app, s.db);
    const { secret, recoveryCodes } = await enrol(session);
    const email = session.user.email;
    const asked = await login({ email, password: TEST_PASSWORD });
    expect(asked.statusCode).toBe(401);
    expect(asked.json().type).toBe(SECOND_FACTOR_REQUIRED);
    expect(asked.cookies.find((c) => c.name === 'cdss_session')).toBeUndefined();
    // The step confirmed at enrolment is used up: the next one is needed.
    const next = totpCode(secret, Date.now() + 30_000);
    expect((await login({ email, password: TEST_PASSWORD, code: next })).statusCode).toBe(200);
    expect((await login({ email, password: TEST_PASSWORD, code: next })).statusCode).toBe(401);
    const recovery = recoveryCodes[0] ?? '';
    expect((await login({ email, password: TEST_PASSWORD, code: recovery.toLowerCase() })).statusCode).toBe(200);
    expect((await login({ email, password: TEST_PASSWORD, code: recovery })).statusCode).toBe(401);
    expect((await login({ email, password: 'a wrong password', code: next })).json().type).toBe('about:blank');
  });

  it('is required of an admin: without one, only setting it up is open', async () => {
    const admin = await createTestUser(s.db, 'admin', 'New Admin');
    const session = await signIn(s.app, admin.email);
    const who = await me(session.cookie);
    expect(who.json()).toMatchObject({ mustEnrolTotp: true });
    const users = await s.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: { cookie: session.cookie },
    });
    expect(users.statusCode).toBe(403);
    expect(users.json().detail).toMatch(/second factor/);
    await enrol(session);
    const after = await s.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(200);
    expect((await me(session.cookie)).json().mustEnrolTotp).toBeUndefined();
  });
});
