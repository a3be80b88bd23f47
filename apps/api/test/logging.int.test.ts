import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { createTestUser, signIn, TEST_PASSWORD } from './factories.ts';
import { createTestDb } from './testDatabase.ts';
import { createTestEngine } from './testEngine.ts';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: Awaited<ReturnType<typeof buildServer>>;
beforeAll(async () => {
  t = await createTestDb();
  const { seedKnowledge } = await import('../src/db/seedKnowledge.ts');
  const { loadKnowledgeDir } = await import('@unani/knowledge');
  const { minimalKnowledgeDir } = await import('../../../packages/knowledge/test/knowledgeFixture.ts');
  await seedKnowledge(t.db, loadKnowledgeDir(minimalKnowledgeDir));
  app = await buildServer({
    env: { LOG_LEVEL: 'trace', NODE_ENV: 'test' },
    db: t.db,
    engine: await createTestEngine(),
    logStream: capture,
  });
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

/** Values that identify a patient or open an account: none may appear in any log line. */
const MARKER = {
  name: 'Rukhsana Markerbibi',
  phone: '0321 9876543',
  complaint: 'throbbing markerache behind the left eye with nausea',
};

describe('logs', () => {
  it('are structured JSON with request ids and never hold passwords, tokens, cookies, complaints or patient data', async () => {
    const user = await createTestUser(t.db);
    const session = await signIn(app, user.email);
    const post = async (url: string, payload?: object) => {
      const res = await app.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const patient = await post('/api/v1/patients', { name: MARKER.name, age: 52, sex: 'female', phone: MARKER.phone });
    // Searches carry the name and phone in the query string.
    for (const url of [
      `/api/v1/patients?q=${encodeURIComponent(MARKER.name)}`,
      `/api/v1/patients?q=${encodeURIComponent(MARKER.phone)}`,
      `/fhir/Patient?name=${encodeURIComponent(MARKER.name)}`,
      `/fhir/Patient?telecom=${encodeURIComponent(MARKER.phone)}`,
    ])
      await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    const visit = await post(`/api/v1/patients/${patient.id}/encounters`, { complaint: MARKER.complaint });
    await post(`/api/v1/encounters/${visit.id}/analyse`);
    await post(`/api/v1/encounters/${visit.id}/diagnosis`, { diseaseCode: 'shaqeeqa' });
    await post(`/api/v1/encounters/${visit.id}/plan`, { items: [{ kind: 'advice', text: 'Rest' }] });
    const note = await post(`/api/v1/encounters/${visit.id}/notes`, { language: 'en' });
    const opened = await app.inject({ method: 'GET', url: `/api/v1/shared-notes/${note.token}?utm=${note.token}` });
    expect(opened.statusCode).toBe(200);
    await app.inject({ method: 'GET', url: `/n/${note.token}` });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'wrong password here' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { ...session.headers, authorization: 'Bearer ucdss_secret_value' },
      payload: { name: MARKER.name },
    });
    // A refused body names the field, never the value sent.
    await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: session.headers,
      payload: { name: MARKER.name, age: 'fifty', sex: 'female', phone: MARKER.phone },
    });

    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => JSON.parse(l).reqId)).toBe(true);
    const cookieValue = session.cookie.split('=')[1] ?? '';
    for (const secret of [
      TEST_PASSWORD,
      'wrong password here',
      cookieValue,
      session.csrfToken,
      note.token,
      'ucdss_secret_value',
      MARKER.name,
      'Rukhsana',
      'Markerbibi',
      MARKER.phone,
      '9876543',
      MARKER.complaint,
      'markerache',
    ]) {
      expect(text, `logs must not contain ${secret.slice(0, 12)}…`).not.toContain(secret);
    }
    expect(text).toContain('/api/v1/shared-notes/[redacted]');
    expect(text).toContain('"url":"/api/v1/patients"');
  });
});
