// Cross-origin access as FHIR and CDS Hooks clients in a browser need it: preflights answered on /fhir and
// /cds-services, any origin but never credentials, the headers FHIR clients read exposed; nothing of the kind on
// the rest of the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { createSignedInUser } from './factories.ts';
import { createTestServer } from './testServer.ts';

const ORIGIN = 'https://smart-app.example';

let s: Awaited<ReturnType<typeof createTestServer>>;
let bearer: Record<string, string>;
beforeAll(async () => {
  s = await createTestServer({ engine: true });
  const hakim = await createSignedInUser(s.app, s.db, 'practitioner');
  bearer = { authorization: `Bearer ${(await createApiKey(s.db, hakim.user.id, 'app', ['fhir:read'])).key}` };
}, 120_000);
afterAll(async () => {
  await s.close();
});

const preflight = (url: string, method = 'GET') =>
  s.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin: ORIGIN,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type, prefer',
    },
  });

describe('CORS on FHIR and CDS Hooks', () => {
  it('answers preflights with 204, the methods and the headers a client sends, and no credentials', async () => {
    for (const [url, method] of [
      ['/fhir/metadata', 'GET'],
      ['/fhir/Patient', 'GET'],
      ['/fhir/Observation/_search', 'POST'],
      ['/fhir/Patient/abc/$everything', 'GET'],
      ['/cds-services', 'GET'],
      ['/cds-services/unani-cdss-differential', 'POST'],
    ] as const) {
      const res = await preflight(url, method);
      expect(res.statusCode, url).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(String(res.headers['access-control-allow-methods'])).toContain(method);
      const allowed = String(res.headers['access-control-allow-headers']).toLowerCase();
      for (const header of ['authorization', 'content-type', 'prefer']) expect(allowed).toContain(header);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.body).toBe('');
    }
  });

  it('lets a page of any origin read answers, refusals included, and the headers FHIR clients use', async () => {
    for (const [url, headers, status] of [
      ['/fhir/metadata', {}, 200],
      ['/fhir/Patient', bearer, 200],
      ['/fhir/Patient', {}, 401],
      ['/cds-services', {}, 200],
    ] as const) {
      const res = await s.app.inject({ method: 'GET', url, headers: { origin: ORIGIN, ...headers } });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
      for (const header of ['location', 'etag', 'last-modified']) expect(exposed).toContain(header);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('keeps the rest of the API and the web app same-origin only', async () => {
    for (const url of ['/api/v1/diseases', '/api/v1/patients', '/health/live']) {
      const pre = await preflight(url);
      expect(pre.statusCode, url).toBe(404);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      const res = await s.app.inject({ method: 'GET', url, headers: { origin: ORIGIN } });
      expect(res.headers['access-control-allow-origin'], url).toBeUndefined();
    }
  });
});
