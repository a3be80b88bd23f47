// Typed builders for integration tests: accounts, signed-in sessions, API keys, patients, visits and plans.
import { randomBytes } from 'node:crypto';
import type { ApiKeyScope, PatientCreate, PatientHistoryInput, Role } from '@unani/contracts';
import type { FastifyInstance } from 'fastify';
import { newTotpSecret, totpCode } from '../src/auth/totp.ts';
import { DEVELOPMENT_TOTP_KEY, secretBox } from '../src/auth/totpSecrets.ts';
import type { Db } from '../src/db/prisma.ts';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { createUser } from '../src/services/userService.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createTestUser(db: Db, role: Role = 'practitioner', name = 'Hakim Test') {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.org`;
  return createUser(db, { email, name, role, password: TEST_PASSWORD });
}

export interface SignedIn {
  user: { id: string; email: string; role: Role };
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request from this session. */
  headers: Record<string, string>;
}

/** Turns on a second factor for an account (sealed with the key test servers use); returns its secret. */
export async function enableTestTotp(db: Db, userId: string): Promise<string> {
  const secret = newTotpSecret();
  const totpSecret = secretBox(DEVELOPMENT_TOTP_KEY).seal(secret);
  await db.user.update({ where: { id: userId }, data: { totpSecret, totpEnabledAt: new Date() } });
  return secret;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  code?: string,
): Promise<SignedIn> {
  const payload = { email, password, ...(code ? { code } : {}) };
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cdss_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  const body = res.json() as { user: SignedIn['user']; csrfToken: string };
  const cookieHeader = `cdss_session=${cookie.value}`;
  return {
    user: body.user,
    cookie: cookieHeader,
    csrfToken: body.csrfToken,
    headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken },
  };
}

/** A signed-in account; an admin has the second factor admins need, and signs in with its code. */
export async function createSignedInUser(app: FastifyInstance, db: Db, role: Role = 'practitioner', name?: string) {
  const user = await createTestUser(db, role, name);
  if (role !== 'admin') return signIn(app, user.email);
  const secret = await enableTestTotp(db, user.id);
  return signIn(app, user.email, TEST_PASSWORD, totpCode(secret));
}

/** A key of a new account of `role` (a researcher by default): a key only does what its owner's role allows. */
export async function createTestApiKey(db: Db, scopes: ApiKeyScope[], role: Role = 'researcher') {
  const owner = await createTestUser(db, role, `${role} key owner`);
  const created = await createApiKey(db, owner.id, 'test key', scopes);
  return { key: created.key, headers: { authorization: `Bearer ${created.key}` }, owner };
}

type App = FastifyInstance;

/** A patient of the signed-in practitioner, through the API; returns its id. */
export async function createPatient(
  app: App,
  as: SignedIn,
  fields: Omit<Partial<PatientCreate>, 'history'> & { history?: PatientHistoryInput } = {},
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/patients',
    headers: as.headers,
    payload: { name: 'Test Patient', age: 34, sex: 'female', ...fields },
  });
  if (res.statusCode !== 201) throw new Error(`patient not created: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** A visit of a new patient with this complaint (findings parsed from it); returns both ids. */
export async function createVisit(
  app: App,
  as: SignedIn,
  complaint: string,
  patient: Parameters<typeof createPatient>[2] = {},
): Promise<{ patientId: string; visitId: string }> {
  const patientId = await createPatient(app, as, patient);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/patients/${patientId}/encounters`,
    headers: as.headers,
    payload: { complaint },
  });
  if (res.statusCode !== 201) throw new Error(`visit not created: ${res.statusCode} ${res.body}`);
  return { patientId, visitId: res.json().id as string };
}

/** A visit with a confirmed diagnosis (any disease of the knowledge base), ready for a plan. */
export async function createDiagnosedVisit(
  app: App,
  as: SignedIn,
  complaint: string,
  options: { diseaseCode?: string; patient?: Parameters<typeof createPatient>[2] } = {},
): Promise<{ patientId: string; visitId: string }> {
  const visit = await createVisit(app, as, complaint, options.patient);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/encounters/${visit.visitId}/diagnosis`,
    headers: as.headers,
    payload: { diseaseCode: options.diseaseCode ?? 'shaqeeqa' },
  });
  if (res.statusCode !== 201) throw new Error(`diagnosis not confirmed: ${res.statusCode} ${res.body}`);
  return visit;
}

/** Saves a plan of these items for the visit; returns the raw answer so a test can check its status. */
export function savePlanOf(app: App, as: SignedIn, visitId: string, items: object[]) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/encounters/${visitId}/plan`,
    headers: as.headers,
    payload: { items },
  });
}
