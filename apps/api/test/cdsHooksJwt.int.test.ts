// CDS Hooks 2.0 authorization: the CDS client signs a JWT for each request (iss, aud = the service's URL, exp, iat,
// jti) and sends it as the bearer token; a client an admin registered with its public keys and the scope cds-hooks
// calls the service with its owner's engine:use right. Discovery stays public.
import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApiClient } from '../src/services/apiClientService.ts';
import { createTestUser } from './factories.ts';
import { createTestServer } from './testServer.ts';

const HOST = 'cdss.example';
const SERVICE = '/cds-services/unani-cdss-differential';
const AUD = `http://${HOST}${SERVICE}`;
const EHR = 'https://ehr.example/cds-client';

let s: Awaited<ReturnType<typeof createTestServer>>;
let key: CryptoKey;
let otherKey: CryptoKey;

async function registered(
  clientId: string,
  role: 'practitioner' | 'researcher',
  scopes: ('cds-hooks' | 'system/*.read')[],
) {
  const owner = await createTestUser(s.db, role);
  const { publicKey } = await generateKeyPair('ES384');
  await registerApiClient(s.db, {
    clientId,
    name: clientId,
    jwks: {
      keys: [
        { ...(await exportJWK(publicKey)), kid: 'b' } as never,
        { ...(await exportJWK(await keyPublic())), kid: 'a' } as never,
      ],
    },
    ownerId: owner.id,
    scopes,
  });
  return owner;
}

let keyPublicJwk: CryptoKey;
const keyPublic = async () => keyPublicJwk;

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  const pair = await generateKeyPair('ES384');
  key = pair.privateKey;
  keyPublicJwk = pair.publicKey;
  otherKey = (await generateKeyPair('ES384')).privateKey;
  await registered(EHR, 'practitioner', ['cds-hooks']);
}, 120_000);
afterAll(async () => {
  await s.close();
});

interface Claims {
  iss?: string;
  aud?: string;
  jti?: string;
  expiresIn?: number;
}

function jwt(claims: Claims = {}, signWith: CryptoKey = key) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', kid: 'a', typ: 'JWT' })
    .setIssuer(claims.iss ?? EHR)
    .setAudience(claims.aud ?? AUD)
    .setIssuedAt()
    .setJti(claims.jti ?? randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expiresIn ?? 60))
    .sign(signWith);
}

// A fever recorded in SNOMED CT: enough for the service to answer a card.
const fever = {
  resourceType: 'Observation',
  id: 'fever',
  status: 'final',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '386661006' }] },
  subject: { reference: 'Patient/p1' },
  valueBoolean: true,
};

const hook = () => ({
  hookInstance: randomUUID(),
  hook: 'patient-view',
  context: { userId: 'Practitioner/7', patientId: 'p1' },
  prefetch: {
    observations: {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ fullUrl: 'http://ehr.example/fhir/Observation/fever', resource: fever }],
    },
  },
});

const call = (token: string) =>
  s.app.inject({
    method: 'POST',
    url: SERVICE,
    headers: { host: HOST, authorization: `Bearer ${token}` },
    payload: hook(),
  });

describe('CDS Hooks with a signed JWT', () => {
  it('answers a registered client’s request with cards, audited under the client and its owner', async () => {
    const res = await call(await jwt());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cards.length).toBeGreaterThan(0);
    const row = await s.db.auditLog.findFirstOrThrow({
      where: { action: 'cds.patient-view' },
      orderBy: { id: 'desc' },
    });
    expect(row).toMatchObject({ actorKind: 'client', outcome: 'ok' });
    expect(row.apiClientId).toBeTruthy();
  });

  it.each([
    ['a signature by another key', () => jwt({}, otherKey)],
    ['the wrong audience', () => jwt({ aud: 'http://cdss.example/cds-services/other' })],
    ['an expired JWT', () => jwt({ expiresIn: -120 })],
    ['a JWT valid for more than five minutes', () => jwt({ expiresIn: 3600 })],
    ['an unknown client', () => jwt({ iss: 'https://stranger.example' })],
  ])('refuses %s with 401', async (_what, make) => {
    expect((await call(await make())).statusCode).toBe(401);
  });

  it('refuses a replayed JWT', async () => {
    const once = await jwt();
    expect((await call(once)).statusCode).toBe(200);
    const again = await call(once);
    expect(again.statusCode).toBe(401);
    expect(again.json().detail).toMatch(/already used/);
  });

  it('refuses a client without cds-hooks, and one whose owner’s role lacks engine:use… never more than the owner', async () => {
    await registered('https://ehr.example/reader', 'practitioner', ['system/*.read']);
    expect((await call(await jwt({ iss: 'https://ehr.example/reader' }))).statusCode).toBe(403);
    // A researcher may use the engine, but the CDS service is for practitioners and admins (decision 0017).
    await registered('https://ehr.example/research', 'researcher', ['cds-hooks']);
    expect((await call(await jwt({ iss: 'https://ehr.example/research' }))).statusCode).toBe(403);
  });

  it('is accepted only where a route says so: not on the engine or FHIR routes', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/parse'],
      ['GET', '/fhir/Patient'],
    ] as const) {
      const res = await s.app.inject({
        method,
        url,
        headers: { host: HOST, authorization: `Bearer ${await jwt({ aud: `http://${HOST}${url}` })}` },
        ...(method === 'POST' ? { payload: { text: 'fever' } } : {}),
      });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('leaves discovery public, whatever token is sent', async () => {
    for (const token of [await jwt({ aud: `http://${HOST}/cds-services` }), await jwt({}, otherKey)]) {
      const res = await s.app.inject({
        method: 'GET',
        url: '/cds-services',
        headers: { host: HOST, authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(200);
    }
  });
});
