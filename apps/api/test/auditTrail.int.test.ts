// The audit trail as a whole: a change and its row commit together, sign-in and sign-out events, share links
// guessed, engine calls by API key, and a database account that can add rows but never change or delete them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { connectServer } from '../src/db/adminConnection.ts';
import { AUDIT_TABLE, grantAppUser } from '../src/db/appUserGrants.ts';
import { createPrisma } from '../src/db/prisma.ts';
import { createSignedInUser, createTestApiKey, createTestUser, type SignedIn, TEST_PASSWORD } from './factories.ts';
import { createTestDb } from './testDatabase.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let a: SignedIn;
beforeAll(async () => {
  s = await createTestServer({ engine: true });
  a = await createSignedInUser(s.app, s.db, 'practitioner', 'Hakim Audit');
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const newPatient = () =>
  s.app.inject({
    method: 'POST',
    url: '/api/v1/patients',
    headers: a.headers,
    payload: { name: 'Audit Trail', age: 50, sex: 'male' },
  });

describe('a change and its audit row', () => {
  it('are written together, the row naming the created record', async () => {
    const res = await newPatient();
    expect(res.statusCode).toBe(201);
    const rows = await s.db.auditLog.findMany({ where: { entity: 'patient', entityId: res.json().id } });
    expect(rows.map((r) => [r.action, r.outcome, r.status, r.route])).toEqual([
      ['patient.create', 'ok', 201, '/api/v1/patients'],
    ]);
  });

  it('are undone together: a change whose row cannot be written does not happen', async () => {
    const before = await s.db.patient.count({ where: { practitionerId: a.user.id } });
    await s.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_patient_rows BEFORE INSERT ON ${AUDIT_TABLE} FOR EACH ROW
       IF NEW.action = 'patient.create' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit row refused'; END IF`,
    );
    try {
      const res = await newPatient();
      expect(res.statusCode).toBe(500);
    } finally {
      await s.db.$executeRawUnsafe('DROP TRIGGER refuse_patient_rows');
    }
    expect(await s.db.patient.count({ where: { practitionerId: a.user.id } })).toBe(before);
  });

  it('are undone together at sign-in: no session without its row', async () => {
    const user = await createTestUser(s.db);
    await s.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_login_rows BEFORE INSERT ON ${AUDIT_TABLE} FOR EACH ROW
       IF NEW.action = 'auth.login' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit row refused'; END IF`,
    );
    try {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
        remoteAddress: '192.0.2.61',
      });
      expect(res.statusCode).toBe(500);
      expect(res.cookies.find((c) => c.name === 'cdss_session')).toBeUndefined();
    } finally {
      await s.db.$executeRawUnsafe('DROP TRIGGER refuse_login_rows');
    }
    expect(await s.db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('events', () => {
  it('records a sign-in under the account, and the sign-out', async () => {
    const user = await createTestUser(s.db);
    const login = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '192.0.2.60',
    });
    const cookie = `cdss_session=${login.cookies.find((c) => c.name === 'cdss_session')?.value}`;
    await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    });
    const rows = await s.db.auditLog.findMany({ where: { entity: 'user', entityId: user.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.outcome, r.clientIp])).toEqual([
      ['auth.login', 'ok', '192.0.2.60'],
      ['auth.logout', 'ok', '127.0.0.1'],
    ]);
  });

  it('records a guessed share link without the token, and engine calls with the API key', async () => {
    const token = `n_${randomBytes(24).toString('base64url')}`;
    await s.app.inject({ method: 'GET', url: `/api/v1/shared-notes/${token}?from=guess` });
    const guessed = await s.db.auditLog.findFirstOrThrow({ where: { action: 'note.open' }, orderBy: { id: 'desc' } });
    expect(guessed).toMatchObject({
      actorKind: 'patientLink',
      outcome: 'not_found',
      route: '/api/v1/shared-notes/:token',
    });
    expect(JSON.stringify(guessed, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(token);

    const key = await createTestApiKey(s.db, ['engine:use']);
    const keyRow = await s.db.apiKey.findFirstOrThrow({ where: { ownerId: key.owner.id } });
    await s.app.inject({ method: 'POST', url: '/api/v1/parse', headers: key.headers, payload: { text: 'fever' } });
    const parse = await s.db.auditLog.findFirstOrThrow({ where: { action: 'engine.parse' }, orderBy: { id: 'desc' } });
    expect(parse).toMatchObject({ actorKind: 'apiKey', actorId: key.owner.id, apiKeyId: keyRow.id, outcome: 'ok' });
  });
});

describe('the server’s database account', () => {
  it('adds audit rows but cannot change or delete them, and still serves requests', async () => {
    const t = await createTestDb();
    const user = `cdss_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const admin = await connectServer(t.target);
    try {
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
      await grantAppUser(t.target, user, '%');
      const restricted = { ...t.target, user, password };
      const conn = await connectServer(restricted, t.target.database);
      try {
        await conn.query(
          `INSERT INTO ${AUDIT_TABLE} (actorKind, action, entity, outcome) VALUES ('anonymous', 'test', 'none', 'ok')`,
        );
        await expect(conn.query(`UPDATE ${AUDIT_TABLE} SET outcome = 'denied'`)).rejects.toThrow(
          /UPDATE command denied/,
        );
        await expect(conn.query(`DELETE FROM ${AUDIT_TABLE}`)).rejects.toThrow(/DELETE command denied/);
      } finally {
        await conn.end();
      }
      const db = createPrisma(restricted, 2);
      const app = await buildServer({ env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db });
      try {
        const signedIn = await createSignedInUser(app, t.db);
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers: signedIn.headers,
          payload: { name: 'Restricted', age: 30, sex: 'female' },
        });
        expect(res.statusCode).toBe(201);
        expect(await db.auditLog.count({ where: { action: 'patient.create' } })).toBe(1);
      } finally {
        await app.close();
        await db.$disconnect();
      }
    } finally {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.end();
      await t.close();
    }
  }, 60_000);
});
