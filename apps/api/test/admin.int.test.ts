import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, type SignedIn, signIn } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let admin: SignedIn;
beforeAll(async () => {
  s = await createTestServer();
  admin = await createSignedInUser(s.app, s.db, 'admin', 'Admin');
});
afterAll(async () => {
  await s.close();
});

describe('account administration', () => {
  it('creates an account that can sign in, and refuses a duplicate email', async () => {
    const payload = {
      email: 'new.hakim@example.org',
      name: 'New Hakim',
      role: 'practitioner',
      password: 'a very long password',
    };
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin.headers, payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'new.hakim@example.org', role: 'practitioner', disabled: false });
    expect(created.body).not.toContain('password');
    await signIn(s.app, 'new.hakim@example.org', 'a very long password');
    const again = await s.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin.headers, payload });
    expect(again.statusCode).toBe(409);
  });

  it('disables an account and ends its sessions; an admin cannot disable itself', async () => {
    const victim = await createSignedInUser(s.app, s.db);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${victim.user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(res.json().disabled).toBe(true);
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: victim.cookie } });
    expect(me.statusCode).toBe(401);
    const self = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(409);
  });

  it('is for admins only', async () => {
    const practitioner = await createSignedInUser(s.app, s.db);
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: { cookie: practitioner.cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('API keys', () => {
  it('shows the secret once, lists without it, records last use, and stops working once revoked', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'Registry', scopes: ['knowledge:read', 'engine:use'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^ucdss_[\w-]+_[\w-]{43}$/);
    const list = await s.app.inject({
      method: 'GET',
      url: '/api/v1/admin/api-keys',
      headers: { cookie: admin.cookie },
    });
    expect(list.body).not.toContain(key);
    expect(list.json().items.find((k: { id: string }) => k.id === id)).toMatchObject({
      lastUsedAt: null,
      revokedAt: null,
    });

    const used = await s.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(used.statusCode).toBe(403); // a key is not a session, but the key itself was recognised
    const row = await s.db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);

    const revoked = await s.app.inject({
      method: 'POST',
      url: `/api/v1/admin/api-keys/${id}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await s.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses unknown scopes field by field', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'x', scopes: ['everything'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.scopes.0');
  });
});
