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

describe('logs', () => {
  it('are structured JSON with request ids and never hold passwords, tokens, cookies, complaints or patient names', async () => {
    const user = await createTestUser(t.db);
    const session = await signIn(app, user.email);
    const patient = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: session.headers,
        payload: { name: 'Rukhsana Parveen', age: 52, sex: 'female' },
      })
    ).json();
    const visit = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/patients/${patient.id}/encounters`,
        headers: session.headers,
        payload: { complaint: 'throbbing headache behind the left eye' },
      })
    ).json();
    await app.inject({
      method: 'POST',
      url: `/api/v1/encounters/${visit.id}/diagnosis`,
      headers: session.headers,
      payload: { diseaseCode: 'shaqeeqa' },
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/encounters/${visit.id}/plan`,
      headers: session.headers,
      payload: { items: [{ kind: 'advice', text: 'Rest' }] },
    });
    const note = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/encounters/${visit.id}/notes`,
        headers: session.headers,
        payload: { language: 'en' },
      })
    ).json();
    await app.inject({ method: 'GET', url: `/api/v1/shared-notes/${note.token}` });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'wrong password here' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { ...session.headers, authorization: 'Bearer ucdss_secret_value' },
      payload: { name: 'Rukhsana Parveen' },
    });

    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
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
      'Rukhsana',
      'throbbing headache',
    ]) {
      expect(text, `logs must not contain ${secret.slice(0, 12)}…`).not.toContain(secret);
    }
    expect(text).toContain('/api/v1/shared-notes/[redacted]');
  });
});
