// The kinds of caller a hostile test sends requests as, each as the headers it adds to a request.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/prisma.ts';
import { createSignedInUser, createTestApiKey, type SignedIn } from '../factories.ts';

export interface CallerHeaders {
  name: string;
  /** Headers for reads; `write` adds the CSRF token for state-changing requests. */
  read: Record<string, string>;
  write: Record<string, string>;
}

export const anonymous: CallerHeaders = { name: 'anonymous', read: {}, write: {} };

export function sessionCaller(name: string, session: SignedIn): CallerHeaders {
  return { name, read: { cookie: session.cookie }, write: session.headers };
}

export function keyCaller(name: string, headers: Record<string, string>): CallerHeaders {
  return { name, read: headers, write: headers };
}

/** Headers for `method`: the CSRF token only where the server asks for it. */
export function headersFor(caller: CallerHeaders, method: string): Record<string, string> {
  return method === 'GET' ? caller.read : caller.write;
}

/** Anonymous, a practitioner, an admin (both signed in, with CSRF) and an API key holding every scope. */
export async function everyKindOfCaller(app: FastifyInstance, db: Db) {
  const practitioner = await createSignedInUser(app, db, 'practitioner', 'Hakim Fuzz');
  const admin = await createSignedInUser(app, db, 'admin', 'Admin Fuzz');
  const key = await createTestApiKey(db, ['knowledge:read', 'engine:use', 'research:read']);
  return {
    practitioner,
    admin,
    callers: [
      anonymous,
      sessionCaller('practitioner', practitioner),
      sessionCaller('admin', admin),
      keyCaller('api key (all scopes)', key.headers),
    ],
  };
}

/** A distinct client address per request, so per-address rate limits do not hide what a route does. */
export function clientAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
