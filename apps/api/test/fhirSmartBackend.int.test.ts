// SMART backend services: an admin registers a client with its public keys; the client signs an assertion, gets a
// five-minute token at the token endpoint and reads its owner's records through /fhir with it. Every way an
// assertion can be wrong is refused with an RFC 6749 error.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'fhir-kit-client';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, type SignedIn } from './factories.ts';
import { type SearchFixture, seedSearchFixture } from './fhirSearchFixture.ts';
import { createTestServer } from './testServer.ts';

const FORM = 'application/x-www-form-urlencoded';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let s: Awaited<ReturnType<typeof createTestServer>>;
let f: SearchFixture;
let admin: SignedIn;
let origin: string;
let tokenUrl: string;
let privateKey: CryptoKey;
let otherKey: CryptoKey;
const CLIENT_ID = 'https://backend.example/exporter';

async function register(clientId: string, ownerId: string, scopes: string[], jwk?: Record<string, unknown>) {
  return s.app.inject({
    method: 'POST',
    url: '/api/v1/admin/clients',
    headers: admin.headers,
    payload: { clientId, name: clientId, jwks: { keys: [jwk ?? (await publicJwk())] }, ownerId, scopes },
  });
}

let registeredJwk: Record<string, unknown>;
async function publicJwk() {
  return registeredJwk;
}

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  f = await seedSearchFixture(s.app, s.db);
  admin = await createSignedInUser(s.app, s.db, 'admin');
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  tokenUrl = `${origin}/fhir/auth/token`;
  const pair = await generateKeyPair('RS384');
  privateKey = pair.privateKey;
  registeredJwk = { ...(await exportJWK(pair.publicKey)), kid: 'exporter-1', alg: 'RS384' };
  otherKey = (await generateKeyPair('RS384')).privateKey;
  const res = await register(CLIENT_ID, f.a.user.id, ['system/*.read']);
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);
afterAll(async () => {
  await s.close();
});

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string;
  jti?: string;
  expiresIn?: number;
}

function assertion(claims: Claims = {}, key: CryptoKey = privateKey, kid = 'exporter-1') {
  const iss = claims.iss ?? CLIENT_ID;
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS384', kid, typ: 'JWT' })
    .setIssuer(iss)
    .setSubject(claims.sub ?? iss)
    .setAudience(claims.aud ?? tokenUrl)
    .setJti(claims.jti ?? randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expiresIn ?? 240))
    .sign(key);
}

async function requestToken(clientAssertion: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: 'system/*.read',
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: clientAssertion,
    ...fields,
  });
  const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': FORM }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe('SMART discovery', () => {
  it('names the token endpoint, private_key_jwt, RS384/ES384, system scopes and the capabilities', async () => {
    const res = await fetch(`${origin}/fhir/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({
      token_endpoint: tokenUrl,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      grant_types_supported: ['client_credentials'],
      scopes_supported: expect.arrayContaining(['system/*.read']),
      capabilities: expect.arrayContaining(['client-confidential-asymmetric']),
    });
    const metadata = await new Client({ baseUrl: `${origin}/fhir` }).smartAuthMetadata();
    expect(metadata.tokenUrl?.toString()).toBe(tokenUrl);
  });
});

describe('the token endpoint', () => {
  it('grants a five-minute bearer token, stored only as a hash, that reads the owner’s records', async () => {
    const res = await requestToken(await assertion());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', scope: 'system/*.read' });
    expect(res.body.expires_in).toBeLessThanOrEqual(300);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const token = String(res.body.access_token);
    const stored = await s.db.clientToken.findMany({ select: { tokenHash: true } });
    expect(stored.map((t) => t.tokenHash)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const client = new Client({ baseUrl: `${origin}/fhir`, bearerToken: token });
    const patient = (await client.read({ resourceType: 'Patient', id: f.patients.amina })) as unknown as { id: string };
    expect(patient.id).toBe(f.patients.amina);
    await expect(client.read({ resourceType: 'Patient', id: f.bPatient })).rejects.toMatchObject({
      response: { status: 404 },
    });
    const row = await s.db.auditLog.findFirstOrThrow({
      where: { action: 'fhir.patient.read', entityId: f.patients.amina },
      orderBy: { id: 'desc' },
    });
    expect(row).toMatchObject({ actorId: f.a.user.id, actorKind: 'client', apiKeyId: null });
    expect(row.apiClientId).toBeTruthy();
    // A token reads; it opens nothing else the owner's session could.
    const elsewhere = await fetch(`${origin}/api/v1/patients`, { headers: { authorization: `Bearer ${token}` } });
    expect(elsewhere.status).toBe(403);
  });

  it.each([
    ['a signature by another key', () => assertion({}, otherKey)],
    ['another audience', () => assertion({ aud: `${origin}/fhir/other` })],
    ['an expired assertion', () => assertion({ expiresIn: -120 })],
    ['an assertion valid for more than five minutes', () => assertion({ expiresIn: 3600 })],
    ['an unknown client', () => assertion({ iss: 'https://stranger.example' })],
    ['sub other than iss', () => assertion({ sub: 'someone-else' })],
    ['a key id the client did not register', () => assertion({}, otherKey, 'other-kid')],
    ['a malformed assertion', async () => 'not.a.jwt'],
  ])('refuses %s with invalid_client (401)', async (_what, make) => {
    const res = await requestToken(await make());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('refuses an assertion used twice (its jti)', async () => {
    const once = await assertion();
    expect((await requestToken(once)).status).toBe(200);
    const again = await requestToken(once);
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('invalid_client');
    expect(String(again.body.error_description)).toMatch(/already used/);
  });

  it('refuses scopes beyond the client’s, and beyond its owner’s current role, with invalid_scope', async () => {
    for (const scope of ['system/Patient.write', 'cds-hooks', 'user/*.read', '']) {
      const res = await requestToken(await assertion(), { scope });
      expect(res.status, scope).toBe(400);
      expect(res.body.error, scope).toBe('invalid_scope');
    }
    const owner = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim Soon Researcher');
    const clientId = 'https://backend.example/demoted';
    expect((await register(clientId, owner.user.id, ['system/*.read'])).statusCode).toBe(201);
    expect((await requestToken(await assertion({ iss: clientId }))).status).toBe(200);
    await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${owner.user.id}`,
      headers: admin.headers,
      payload: { role: 'researcher' },
    });
    const refused = await requestToken(await assertion({ iss: clientId }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_scope');
  });

  it('answers unsupported_grant_type and invalid_request as RFC 6749 says', async () => {
    const wrongGrant = await requestToken(await assertion(), { grant_type: 'password' });
    expect([wrongGrant.status, wrongGrant.body.error]).toEqual([400, 'unsupported_grant_type']);
    const wrongType = await requestToken(await assertion(), { client_assertion_type: 'urn:other' });
    expect([wrongType.status, wrongType.body.error]).toEqual([400, 'invalid_request']);
    const missing = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'grant_type=client_credentials',
    });
    expect([missing.status, ((await missing.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
    const json = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect([json.status, ((await json.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
  });

  it('stops the client’s tokens when the client is revoked', async () => {
    const clientId = 'https://backend.example/revoked';
    const created = await register(clientId, f.a.user.id, ['system/*.read']);
    const token = String((await requestToken(await assertion({ iss: clientId }))).body.access_token);
    const read = () => fetch(`${origin}/fhir/Patient`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read()).status).toBe(200);
    const revoked = await s.app.inject({
      method: 'POST',
      url: `/api/v1/admin/clients/${created.json().id}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await read()).status).toBe(401);
    expect((await requestToken(await assertion({ iss: clientId }))).body.error).toBe('invalid_client');
  });
});

describe('registering a client', () => {
  it('refuses a private key, a scope the owner’s role lacks, and a client_id taken', async () => {
    const { privateKey: secret } = await generateKeyPair('ES384', { extractable: true });
    const privateJwk = await exportJWK(secret);
    expect((await register('https://x.example/private', f.a.user.id, ['system/*.read'], privateJwk)).statusCode).toBe(
      400,
    );
    const researcher = await createSignedInUser(s.app, s.db, 'researcher');
    const res = await register('https://x.example/researcher', researcher.user.id, ['system/*.read']);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.scopes');
    expect((await register(CLIENT_ID, f.a.user.id, ['system/*.read'])).statusCode).toBe(409);
    const listed = await s.app.inject({ method: 'GET', url: '/api/v1/admin/clients', headers: admin.headers });
    expect(listed.json().items.find((c: { clientId: string }) => c.clientId === CLIENT_ID)).toMatchObject({
      keyIds: ['exporter-1'],
      scopes: ['system/*.read'],
      revokedAt: null,
    });
    expect(listed.body).not.toContain('"n":');
  });
});
