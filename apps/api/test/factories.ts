// Typed builders for integration tests: accounts, signed-in sessions, API keys and patients.
import { randomBytes } from 'node:crypto';
import type { ApiKeyScope, Role } from '@unani/contracts';
import type { FastifyInstance } from 'fastify';
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

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
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

export async function createSignedInUser(app: FastifyInstance, db: Db, role: Role = 'practitioner', name?: string) {
  const user = await createTestUser(db, role, name);
  return signIn(app, user.email);
}

export async function createTestApiKey(db: Db, scopes: ApiKeyScope[]) {
  const owner = await createTestUser(db, 'researcher', 'Researcher Test');
  const created = await createApiKey(db, owner.id, 'test key', scopes);
  return { key: created.key, headers: { authorization: `Bearer ${created.key}` }, owner };
}
