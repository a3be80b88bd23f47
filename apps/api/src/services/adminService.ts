// Account administration: list, create, change, disable users; issue and revoke API keys.
import { type ApiKeyCreate, type ListQuery, scopesOfRole, type UserCreate, type UserUpdate } from '@unani/contracts';
import type { CredentialChanges } from '../auth/credentialChanges.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { createApiKey, toApiKeyView } from './apiKeyService.ts';
import { conflict, invalid, notFound } from './domainErrors.ts';
import { pageArgs, toPage } from './pagination.ts';
import { deleteUserSessions } from './sessionService.ts';
import { createUser, DuplicateEmailError } from './userService.ts';

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  lockedUntil: true,
  createdAt: true,
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'practitioner' | 'researcher';
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
};
const toUserView = (u: UserRow) => ({
  ...u,
  lockedUntil: u.lockedUntil?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(db: DbTx, query: ListQuery) {
  const rows = await db.user.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: userSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query, toUserView);
}

export async function addUser(db: DbTx, input: UserCreate) {
  try {
    const created = await createUser(db, input);
    return toUserView(await db.user.findUniqueOrThrow({ where: { id: created.id }, select: userSelect }));
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw conflict(error.message);
    throw error;
  }
}

/**
 * Changes an account; a new password, a new role or disabling ends its sessions, in one transaction, so a new
 * password or a disabled account never outlives the sessions it ends. Once committed, every replica forgets the
 * account's sessions and keys it remembers: they carry its name and role, and may have just ended.
 */
export async function changeUser(
  db: Db,
  credentials: CredentialChanges,
  actorId: string,
  id: string,
  input: UserUpdate,
) {
  const user = await inTransaction(db, async (tx) => {
    const existing = await tx.user.findUnique({ where: { id }, select: { id: true, role: true } });
    if (!existing) throw notFound('The account');
    if (id === actorId && (input.disabled || (input.role && input.role !== 'admin'))) {
      throw conflict('You cannot disable your own account or remove your own admin role.');
    }
    const data = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(input.password !== undefined
        ? { passwordHash: await hashPassword(input.password), failedLoginCount: 0, lockedUntil: null }
        : {}),
    };
    const updated = await tx.user.update({ where: { id }, data, select: userSelect });
    if (input.password !== undefined || input.disabled || (input.role && input.role !== existing.role))
      await deleteUserSessions(tx, id);
    return toUserView(updated);
  });
  credentials.changed({ userId: id });
  return user;
}

export async function listApiKeys(db: DbTx, query: ListQuery) {
  const rows = await db.apiKey.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      ownerId: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
    },
    ...pageArgs(query),
  });
  return toPage(rows, query, toApiKeyView);
}

/** Issues a key whose scopes the owner's role allows; a key can never do more than its owner. */
export async function issueApiKey(db: DbTx, actorId: string, input: ApiKeyCreate) {
  const ownerId = input.ownerId ?? actorId;
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { id: true, role: true } });
  if (!owner) throw invalid('The key’s owner does not exist.', [{ field: 'body.ownerId', message: 'no such account' }]);
  const allowed = scopesOfRole(owner.role);
  const refused = input.scopes.filter((scope) => !allowed.includes(scope));
  if (refused.length > 0)
    throw invalid(`A ${owner.role} account cannot hold the scope ${refused.map((s) => `"${s}"`).join(', ')}.`, [
      { field: 'body.scopes', message: `a ${owner.role} may hold ${allowed.join(', ')}` },
    ]);
  return createApiKey(db, ownerId, input.name, input.scopes, input.expiresInDays);
}

/** Revokes a key and has every replica forget it; takes the client, so the announcement follows the commit. */
export async function revokeApiKey(db: Db, credentials: CredentialChanges, id: string) {
  const key = await db.apiKey.findUnique({ where: { id } });
  if (!key) throw notFound('The API key');
  const row = key.revokedAt ? key : await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  credentials.changed({ credentialId: id });
  return toApiKeyView(row);
}
