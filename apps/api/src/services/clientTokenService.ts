// Access tokens of registered clients (SMART backend services): random, shown once, stored as a SHA-256 hash, valid
// for five minutes. A token acts for the client's owner with the rights of its granted scopes that the owner's
// current role still allows; it ends with its client or when the owner is disabled.
import type { ApiKeyScope, ClientScope } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';
import { type ActiveClient, rightsOf } from './apiClientService.ts';
import type { SessionUser } from './sessionService.ts';
import { randomToken, sha256Hex } from './tokens.ts';

export const TOKEN_PREFIX = 'ucdsat_';
/** SMART backend services recommend access tokens of at most five minutes. */
export const TOKEN_LIFETIME_S = 5 * 60;

export interface ActiveClientToken {
  id: string;
  client: { id: string; clientId: string };
  owner: SessionUser;
  rights: ApiKeyScope[];
  expiresAt: Date;
}

export async function issueClientToken(db: DbTx, client: ActiveClient, scopes: ClientScope[]) {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const now = Date.now();
  await db.clientToken.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  await db.clientToken.create({
    data: {
      tokenHash: sha256Hex(token),
      clientId: client.id,
      scopes,
      expiresAt: new Date(now + TOKEN_LIFETIME_S * 1000),
    },
  });
  return { token, expiresIn: TOKEN_LIFETIME_S };
}

/** The token's client and rights, or undefined when unknown, expired, its client revoked or its owner disabled. */
export async function findClientToken(db: DbTx, token: string): Promise<ActiveClientToken | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db.clientToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      client: {
        select: {
          id: true,
          clientId: true,
          revokedAt: true,
          owner: { select: { id: true, email: true, name: true, role: true, disabled: true } },
        },
      },
    },
  });
  if (!row || row.expiresAt.getTime() <= Date.now() || row.client.revokedAt || row.client.owner.disabled)
    return undefined;
  const { disabled: _disabled, ...owner } = row.client.owner;
  return {
    id: row.id,
    client: { id: row.client.id, clientId: row.client.clientId },
    owner,
    rights: rightsOf(row.scopes as ClientScope[], owner),
    expiresAt: row.expiresAt,
  };
}
