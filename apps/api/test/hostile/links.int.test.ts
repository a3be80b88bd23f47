// Share links under attack (expired, revoked, malformed, guessed), the security headers of API and web answers,
// session fixation at sign-in, and the throttle after repeated failed sign-ins.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir } from '@unani/knowledge';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalKnowledgeDir } from '../../../../packages/knowledge/test/knowledgeFixture.ts';
import { buildServer } from '../../src/app.ts';
import { seedKnowledge } from '../../src/db/seedKnowledge.ts';
import { accountBucket } from '../../src/services/loginService.ts';
import { ACCOUNT_CHECKS_PER_WINDOW, THROTTLE_WINDOW_MS } from '../../src/services/loginThrottle.ts';
import { createSignedInUser, createTestUser, type SignedIn, signIn, TEST_PASSWORD } from '../factories.ts';
import { createTestDb } from '../testDatabase.ts';

/** The share-link route's limit per client address and minute (routes/sharedNotes). */
const SHARED_NOTE_LIMIT = 30;

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: FastifyInstance;
let webDist: string;
let a: SignedIn;
let addresses = 0;
/** A fresh client address, so one test's requests do not spend another's rate limit. */
const freshAddress = () => `198.51.100.${++addresses}`;

beforeAll(async () => {
  t = await createTestDb();
  await seedKnowledge(t.db, loadKnowledgeDir(minimalKnowledgeDir));
  webDist = mkdtempSync(join(tmpdir(), 'cdss-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Unani CDSS</title><div id="root"></div>');
  app = await buildServer({ env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db: t.db, webDist });
  a = await createSignedInUser(app, t.db, 'practitioner', 'Hakim A');
}, 60_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

/** A diagnosed, planned visit of A's and a note shared from it. */
async function sharedNote(
  as: SignedIn = a,
): Promise<{ id: string; token: string; patientId: string; visitId: string }> {
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: as.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const patient = await post('/api/v1/patients', { name: 'Link Patient', age: 30, sex: 'male' });
  const visit = await post(`/api/v1/patients/${patient.id}/encounters`, {
    complaint: 'headache',
    findings: [{ symptom: 'headache', present: true }],
  });
  await post(`/api/v1/encounters/${visit.id}/diagnosis`, { diseaseCode: 'shaqeeqa' });
  await post(`/api/v1/encounters/${visit.id}/plan`, { items: [{ kind: 'ghiza', text: 'Light meals' }] });
  const note = await post(`/api/v1/encounters/${visit.id}/notes`, { language: 'en' });
  return { ...note, patientId: patient.id, visitId: visit.id };
}

const open = (token: string, remoteAddress = freshAddress()) =>
  app.inject({ method: 'GET', url: `/api/v1/shared-notes/${token}`, remoteAddress });

function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, title: expect.any(String) });
}

describe('share links', () => {
  it('works with the right token, and the answer is never cached', async () => {
    const note = await sharedNote();
    const res = await open(note.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain('Link Patient');
  });

  it('answers 410 once expired or revoked', async () => {
    const expired = await sharedNote();
    await t.db.patientNote.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expectProblem(await open(expired.token), 410);
    const revoked = await sharedNote();
    const revoke = await app.inject({ method: 'POST', url: `/api/v1/notes/${revoked.id}/revoke`, headers: a.headers });
    expect(revoke.statusCode).toBe(200);
    const gone = await open(revoked.token);
    expectProblem(gone, 410);
    expect(gone.json().detail).toMatch(/withdrawn/);
  });

  it('dies with its patient: deleting the patient revokes every link in the same change', async () => {
    const note = await sharedNote();
    const second = await app.inject({
      method: 'POST',
      url: `/api/v1/encounters/${note.visitId}/notes`,
      headers: a.headers,
      payload: { language: 'ur' },
    });
    expect((await open(note.token)).statusCode).toBe(200);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/patients/${note.patientId}`,
      headers: a.headers,
    });
    expect(deleted.statusCode).toBe(204);
    for (const token of [note.token, second.json().token]) expectProblem(await open(token), 410);
    const rows = await t.db.patientNote.findMany({ where: { encounter: { patientId: note.patientId } } });
    const patient = await t.db.patient.findUniqueOrThrow({ where: { id: note.patientId } });
    expect(rows.map((r) => r.revokedAt)).toEqual([patient.deletedAt, patient.deletedAt]);
    // Revoking again is harmless, and answers as a revocation, not as an unknown note.
    const again = await app.inject({ method: 'POST', url: `/api/v1/notes/${note.id}/revoke`, headers: a.headers });
    expect(again.statusCode).toBe(200);
  });

  it('stops working while its practitioner is disabled', async () => {
    const hakim = await createSignedInUser(app, t.db, 'practitioner', 'Hakim Leaving');
    const note = await sharedNote(hakim);
    await t.db.user.update({ where: { id: hakim.user.id }, data: { disabled: true } });
    expectProblem(await open(note.token), 410);
    await t.db.user.update({ where: { id: hakim.user.id }, data: { disabled: false } });
    expect((await open(note.token)).statusCode).toBe(200);
  });

  it('lasts at most 90 days', async () => {
    const note = await sharedNote();
    const ask = (expiresInDays: number) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/encounters/${note.visitId}/notes`,
        headers: a.headers,
        payload: { language: 'en', expiresInDays },
      });
    expect((await ask(91)).statusCode).toBe(400);
    expect((await ask(90)).statusCode).toBe(201);
  });

  it('refuses malformed tokens with a problem document and no hint of what exists', async () => {
    const note = await sharedNote();
    const malformed: [string, number][] = [
      ['A', 404],
      [note.token.slice(0, 20), 404],
      [`${note.token}A`, 404],
      [note.token.toLowerCase() === note.token ? note.token.toUpperCase() : note.token.toLowerCase(), 404],
      ['!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!', 404],
      [encodeURIComponent('../../../etc/passwd'), 404],
      [encodeURIComponent(`${note.token}/../x`), 404],
      [`${note.token}%00`, 404],
      ['A'.repeat(150), 414],
      ['A'.repeat(5_000), 414],
      ['%E0%A4%A', 400],
    ];
    for (const [token, status] of malformed) {
      const res = await open(token);
      expectProblem(res, status);
      expect(res.body).not.toContain(note.token);
    }
    const traversal = await app.inject({
      method: 'GET',
      url: '/api/v1/shared-notes/../patients',
      remoteAddress: freshAddress(),
    });
    expect(traversal.statusCode).not.toBe(200);
  });

  it(`limits guesses to ${SHARED_NOTE_LIMIT} a minute per client, then answers 429; the right token still works elsewhere`, async () => {
    const note = await sharedNote();
    const attacker = freshAddress();
    const guesses: number[] = [];
    for (let i = 0; i < SHARED_NOTE_LIMIT; i++) {
      guesses.push((await open(`${'G'.repeat(40)}${String(i).padStart(3, '0')}`, attacker)).statusCode);
    }
    expect(new Set(guesses)).toEqual(new Set([404]));
    const limited = await open('G'.repeat(43), attacker);
    expectProblem(limited, 429);
    expect(limited.json().detail).toMatch(/try again in \d+ s/);
    expect(limited.headers['retry-after']).toBeDefined();
    expectProblem(await open(note.token, attacker), 429);
    expect((await open(note.token, freshAddress())).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (res: LightMyRequestResponse) => {
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(String(res.headers['x-frame-options'] ?? 'DENY')).toMatch(/^(DENY|SAMEORIGIN)$/);
  };

  it('are on API answers, successes and errors alike', async () => {
    const note = await sharedNote();
    for (const res of [
      await app.inject({ method: 'GET', url: '/api/v1/diseases' }),
      await app.inject({ method: 'GET', url: '/api/v1/patients' }),
      await app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      }),
      await open(note.token),
      await app.inject({ method: 'GET', url: '/fhir/metadata' }),
      await app.inject({ method: 'GET', url: '/health/live' }),
    ]) {
      expectSecurityHeaders(res);
    }
  });

  it('allow inline styles on the API reference page only', async () => {
    const styleSrc = (res: LightMyRequestResponse) =>
      /style-src ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1];
    for (const url of ['/', '/n/some-token', '/api/v1/diseases', '/fhir/metadata'])
      expect(styleSrc(await app.inject({ method: 'GET', url })), url).toBe("'self'");
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBeLessThan(400);
    expect(styleSrc(docs)).toBe("'self' 'unsafe-inline'");
    expectSecurityHeaders(docs);
  });

  it('keep every answer about patients out of caches', async () => {
    const note = await sharedNote();
    const research = await createSignedInUser(app, t.db, 'researcher');
    const asA = { cookie: a.cookie };
    const answers = {
      patients: await app.inject({ method: 'GET', url: '/api/v1/patients', headers: asA }),
      patient: await app.inject({ method: 'GET', url: `/api/v1/patients/${note.patientId}`, headers: asA }),
      visits: await app.inject({ method: 'GET', url: `/api/v1/patients/${note.patientId}/encounters`, headers: asA }),
      visit: await app.inject({ method: 'GET', url: `/api/v1/encounters/${note.visitId}`, headers: asA }),
      plan: await app.inject({ method: 'GET', url: `/api/v1/encounters/${note.visitId}/plan`, headers: asA }),
      notes: await app.inject({ method: 'GET', url: `/api/v1/encounters/${note.visitId}/notes`, headers: asA }),
      created: await app.inject({
        method: 'POST',
        url: `/api/v1/encounters/${note.visitId}/notes`,
        headers: a.headers,
        payload: { language: 'en' },
      }),
      shared: await open(note.token),
      fhirPatient: await app.inject({ method: 'GET', url: `/fhir/Patient/${note.patientId}`, headers: asA }),
      fhirSearch: await app.inject({ method: 'GET', url: `/fhir/Condition?patient=${note.patientId}`, headers: asA }),
      research: await app.inject({
        method: 'GET',
        url: '/api/v1/research/statistics',
        headers: { cookie: research.cookie },
      }),
      refused: await app.inject({ method: 'GET', url: `/api/v1/patients/${note.patientId}` }),
    };
    for (const [name, res] of Object.entries(answers)) {
      expect(res.statusCode, name).toBeLessThan(name === 'refused' ? 500 : 300);
      expect(res.headers['cache-control'], name).toBe('no-store');
    }
    // The web app's own files keep their caching.
    expect((await app.inject({ method: 'GET', url: '/' })).headers['cache-control']).not.toBe('no-store');
  });

  it('are on the web app, its client-side routes included', async () => {
    for (const url of ['/', '/n/some-token', '/patients/123']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectSecurityHeaders(res);
    }
  });
});

describe('sign-in', () => {
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      headers,
      remoteAddress: freshAddress(),
    });
  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

  it('never adopts a session id chosen before sign-in (no fixation)', async () => {
    const user = await createTestUser(t.db);
    const planted = 'attacker-chosen-session-id-0123456789abcdefghij';
    const res = await login(user.email, TEST_PASSWORD, { cookie: `cdss_session=${planted}` });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'cdss_session')?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await me(`cdss_session=${planted}`)).statusCode).toBe(401);
    expect((await me(`cdss_session=${issued}`)).statusCode).toBe(200);
  });

  it('changes the session id at sign-in and ends the session it replaces', async () => {
    const user = await createTestUser(t.db);
    const before = await signIn(app, user.email);
    const res = await login(user.email, TEST_PASSWORD, { cookie: before.cookie });
    const after = res.cookies.find((c) => c.name === 'cdss_session')?.value;
    expect(`cdss_session=${after}`).not.toBe(before.cookie);
    expect((await me(before.cookie)).statusCode).toBe(401);
  });

  it(`stops checking the password after ${ACCOUNT_CHECKS_PER_WINDOW} failures, with the same 401, until the window ends`, async () => {
    const user = await createTestUser(t.db);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_CHECKS_PER_WINDOW; i++)
      statuses.push((await login(user.email, `wrong ${i}`)).statusCode);
    expect(statuses).toEqual(Array(ACCOUNT_CHECKS_PER_WINDOW).fill(401));
    const throttled = await login(user.email, TEST_PASSWORD);
    expectProblem(throttled, 401);
    expect(throttled.cookies.find((c) => c.name === 'cdss_session')).toBeUndefined();

    const bucket = accountBucket(user.email);
    const past = new Date(Date.now() - THROTTLE_WINDOW_MS - 1_000);
    await t.db.loginThrottle.update({ where: { bucket }, data: { windowStart: past } });
    const after = await login(user.email, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(await t.db.loginThrottle.findUnique({ where: { bucket } })).toBeNull();
  });
});
