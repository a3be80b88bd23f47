// No API key does more than its owner's role allows: every scope against every role on every route that takes
// keys, at issue and at use, after a demotion, and once the key has expired.
import { type ApiKeyScope, apiKeyScopes, type Role, roles, scopesOfRole } from '@unani/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRule } from '../src/plugins/auth.ts';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { createSignedInUser, createTestUser, type SignedIn } from './factories.ts';
import { createTestServer } from './testServer.ts';

/** Long enough that only an announced change, or the key's own expiry, can explain a refusal within a test. */
const CACHE_TTL_MS = 60_000;

let s: Awaited<ReturnType<typeof createTestServer>>;
let admin: SignedIn;
type KeyRoute = { method: string; url: string; access: Extract<AccessRule, { roles: unknown }> };
let keyRoutes: KeyRoute[];

beforeAll(async () => {
  s = await createTestServer({ credentials: { ttlMs: CACHE_TTL_MS } });
  admin = await createSignedInUser(s.app, s.db, 'admin');
  keyRoutes = s.app.routesUnderApi.filter((r): r is KeyRoute => 'scope' in r.access && !!r.access.scope);
  // CDS Hooks and FHIR sit outside /api/v1; their rules are the ones in routes/cdsHooks and routes/fhir.
  const fhirRead = { roles: ['practitioner'], scope: 'fhir:read' } as const;
  keyRoutes.push(
    {
      method: 'POST',
      url: '/cds-services/unani-cdss-differential',
      access: { roles: ['practitioner', 'admin'], scope: 'engine:use' },
    },
    { method: 'GET', url: '/fhir/Patient', access: fhirRead },
    { method: 'GET', url: '/fhir/Observation/1', access: fhirRead },
  );
});
afterAll(async () => {
  await s.close();
});

async function keyOf(role: Role, scopes: ApiKeyScope[]) {
  const owner = await createTestUser(s.db, role, `Owner ${role}`);
  // Stored directly, as a key issued before its owner lost the role would be: use must still be limited.
  const created = await createApiKey(s.db, owner.id, `${role} key`, scopes);
  return { owner, id: created.id, headers: { authorization: `Bearer ${created.key}` } };
}

/** Whether the key got past authorization on the route (any answer but 401 and 403). */
async function admitted(route: KeyRoute, headers: Record<string, string>): Promise<boolean> {
  const res = await s.app.inject({
    method: route.method as 'GET' | 'POST',
    url: route.url,
    headers,
    ...(route.method === 'GET' ? {} : { payload: {} }),
  });
  return res.statusCode !== 401 && res.statusCode !== 403;
}

const allowed = (route: KeyRoute, role: Role, scopes: ApiKeyScope[]) =>
  scopes.includes(route.access.scope as ApiKeyScope) && route.access.roles.includes(role);

async function expectRights(headers: Record<string, string>, role: Role, scopes: ApiKeyScope[]) {
  const got = await Promise.all(keyRoutes.map(async (r) => [`${r.method} ${r.url}`, await admitted(r, headers)]));
  expect(Object.fromEntries(got)).toEqual(
    Object.fromEntries(keyRoutes.map((r) => [`${r.method} ${r.url}`, allowed(r, role, scopes)])),
  );
}

describe('API key rights', () => {
  it('covers routes of every scope', () => {
    expect(new Set(keyRoutes.map((r) => r.access.scope))).toEqual(
      new Set(['engine:use', 'research:read', 'fhir:read']),
    );
  });

  it.each(roles.flatMap((role) => apiKeyScopes.map((scope) => [role, scope] as const)))(
    'a %s account’s key with %s does only what both allow',
    async (role, scope) => {
      const key = await keyOf(role, [scope]);
      await expectRights(key.headers, role, [scope]);
    },
  );

  it.each(roles.flatMap((role) => apiKeyScopes.map((scope) => [role, scope] as const)))(
    'issuing a %s account a key with %s is refused unless the role has it',
    async (role, scope) => {
      const owner = await createTestUser(s.db, role);
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        headers: admin.headers,
        payload: { name: 'matrix', scopes: [scope], ownerId: owner.id },
      });
      expect(res.statusCode).toBe(scopesOfRole(role).includes(scope) ? 201 : 400);
      if (res.statusCode === 400) expect(res.json().errors[0].field).toBe('body.scopes');
    },
  );

  it.each(roles.flatMap((from) => roles.filter((to) => to !== from).map((to) => [from, to] as const)))(
    'a key follows its owner from %s to %s at once',
    async (from, to) => {
      const key = await keyOf(from, [...apiKeyScopes]);
      await expectRights(key.headers, from, [...apiKeyScopes]);
      const changed = await s.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/users/${key.owner.id}`,
        headers: admin.headers,
        payload: { role: to },
      });
      expect(changed.statusCode).toBe(200);
      await expectRights(key.headers, to, [...apiKeyScopes]);
    },
  );
});

describe('API key expiry', () => {
  it('is a year by default, shown to admins, and chosen at issue up to two years', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'default lifetime', scopes: ['engine:use'] },
    });
    const days = (Date.parse(res.json().expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364.9);
    expect(days).toBeLessThanOrEqual(365);
    const listed = await s.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: admin.headers });
    expect(listed.json().items.find((k: { id: string }) => k.id === res.json().id).expiresAt).toBe(
      res.json().expiresAt,
    );
    const tooLong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'forever', scopes: ['engine:use'], expiresInDays: 731 },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('stops a key at its expiry, even while its check is cached', async () => {
    const key = await keyOf('researcher', ['research:read']);
    await s.db.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const statistics = { method: 'GET', url: '/api/v1/research/statistics', headers: key.headers } as const;
    expect((await s.app.inject(statistics)).statusCode).toBe(200);
    await new Promise((done) => setTimeout(done, 1600));
    expect((await s.app.inject(statistics)).statusCode).toBe(401);
  });
});
