// Registered FHIR backend-services and CDS Hooks clients: registered and revoked by admins (API and `cdss client`),
// found by client_id when one presents a signed JWT. A client's rights are its scopes' rights that its owner's
// current role allows (decision 0017), as for an API key.
import {
  type ApiClientCreate,
  ApiClientView,
  type ApiKeyScope,
  type ClientJwks,
  type ClientScope,
  clientScopeRights,
  type ListQuery,
  scopesOfRole,
} from '@unani/contracts';
import { importJWK } from 'jose';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { conflict, invalid, notFound } from './domainErrors.ts';
import { pageArgs, toPage } from './pagination.ts';
import type { SessionUser } from './sessionService.ts';

const clientSelect = {
  id: true,
  clientId: true,
  name: true,
  ownerId: true,
  scopes: true,
  jwks: true,
  createdAt: true,
  revokedAt: true,
} as const;

type ClientRow = {
  id: string;
  clientId: string;
  name: string;
  ownerId: string;
  scopes: unknown;
  jwks: unknown;
  createdAt: Date;
  revokedAt: Date | null;
};

export function toApiClientView(row: ClientRow): ApiClientView {
  return ApiClientView.parse({
    ...row,
    keyIds: (row.jwks as ClientJwks).keys.map((k) => k.kid ?? null),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  });
}

/** The API-key rights `scopes` stand for, less those the owner's role does not allow. */
export function rightsOf(scopes: readonly ClientScope[], owner: Pick<SessionUser, 'role'>): ApiKeyScope[] {
  const allowed = scopesOfRole(owner.role);
  return [...new Set(scopes.map((scope) => clientScopeRights[scope]))].filter((right) => allowed.includes(right));
}

/** Each key must be a public key jose can use for verification; a private key is refused, never stored. */
async function checkKeys(jwks: ClientJwks): Promise<void> {
  for (const [i, key] of jwks.keys.entries()) {
    const field = `body.jwks.keys.${i}`;
    if ('d' in key || 'p' in key || 'q' in key) {
      throw invalid('The JWK Set holds a private key: register the public keys only.', [
        { field, message: 'a private key' },
      ]);
    }
    try {
      await importJWK({ ...key, alg: key.alg ?? (key.kty === 'RSA' ? 'RS384' : 'ES384') });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'not a usable key';
      throw invalid(`Key ${i} of the JWK Set is not a usable public key: ${message}`, [{ field, message }]);
    }
  }
}

/** Registers a client whose scopes its owner's role allows, in a transaction so its audit row commits with it. */
export async function registerApiClient(db: Db, input: ApiClientCreate): Promise<ApiClientView> {
  await checkKeys(input.jwks);
  return inTransaction(db, async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { role: true } });
    if (!owner) throw invalid('The client’s owner does not exist.', [{ field: 'body.ownerId', message: 'no account' }]);
    const refused = input.scopes.filter((scope) => rightsOf([scope], owner).length === 0);
    if (refused.length > 0) {
      throw invalid(`A ${owner.role} account cannot hold ${refused.map((s) => `"${s}"`).join(', ')} for a client.`, [
        { field: 'body.scopes', message: `not for a ${owner.role}` },
      ]);
    }
    const taken = await tx.apiClient.findUnique({ where: { clientId: input.clientId }, select: { id: true } });
    if (taken) throw conflict(`A client with the client_id "${input.clientId}" is already registered.`);
    const row = await tx.apiClient.create({
      // The keys were checked above; stored as the JSON they arrived as.
      data: { ...input, jwks: JSON.parse(JSON.stringify(input.jwks)) as object, scopes: [...new Set(input.scopes)] },
      select: clientSelect,
    });
    return toApiClientView(row);
  });
}

export async function listApiClients(db: DbTx, query: ListQuery) {
  const rows = await db.apiClient.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: clientSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query, toApiClientView);
}

/** Revokes a client and its tokens; every replica forgets them (the tokens' cache entries carry the client's id). */
export async function revokeApiClient(db: Db, credentials: CredentialChanges, id: string): Promise<ApiClientView> {
  const row = await inTransaction(db, async (tx) => {
    const client = await tx.apiClient.findUnique({ where: { id }, select: clientSelect });
    if (!client) throw notFound('The client');
    await tx.clientToken.deleteMany({ where: { clientId: id } });
    if (client.revokedAt) return client;
    return tx.apiClient.update({ where: { id }, data: { revokedAt: new Date() }, select: clientSelect });
  });
  credentials.changed({ credentialId: id });
  return toApiClientView(row);
}

export interface ActiveClient {
  id: string;
  clientId: string;
  scopes: ClientScope[];
  jwks: ClientJwks;
  owner: SessionUser;
}

/** The client with this client_id, or undefined when unknown, revoked or its owner is disabled. */
export async function findActiveClient(db: DbTx, clientId: string): Promise<ActiveClient | undefined> {
  const row = await db.apiClient.findUnique({
    where: { clientId },
    select: {
      id: true,
      clientId: true,
      scopes: true,
      jwks: true,
      revokedAt: true,
      owner: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!row || row.revokedAt || row.owner.disabled) return undefined;
  const { disabled: _disabled, ...owner } = row.owner;
  return {
    id: row.id,
    clientId: row.clientId,
    scopes: row.scopes as ClientScope[],
    jwks: row.jwks as ClientJwks,
    owner,
  };
}
