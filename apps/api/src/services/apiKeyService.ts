// API keys for researchers and integrators: shown once, stored as a hash, scoped, revocable.
import { type ApiKeyScope, ApiKeyView } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';
import type { SessionUser } from './sessionService.ts';
import { randomToken, sha256Hex } from './tokens.ts';

const KEY_PREFIX = 'ucdss';
/** Record last use at most this often, so a busy key does not write on every request. */
const LAST_USED_INTERVAL_MS = 60 * 1000;

export interface ActiveApiKey {
  id: string;
  scopes: ApiKeyScope[];
  owner: SessionUser;
}

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: unknown;
  ownerId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function toApiKeyView(row: KeyRow): ApiKeyView {
  return ApiKeyView.parse({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  });
}

export async function createApiKey(db: DbTx, ownerId: string, name: string, scopes: ApiKeyScope[]) {
  const prefix = randomToken(6);
  const key = `${KEY_PREFIX}_${prefix}_${randomToken(32)}`;
  const row = await db.apiKey.create({
    data: { ownerId, name, prefix, keyHash: sha256Hex(key), scopes: [...new Set(scopes)] },
  });
  return { ...toApiKeyView(row), key };
}

/** The key for a bearer token, or undefined when unknown, revoked or its owner is disabled. */
export async function findApiKey(db: DbTx, key: string): Promise<ActiveApiKey | undefined> {
  if (!key.startsWith(`${KEY_PREFIX}_`)) return undefined;
  const row = await db.apiKey.findUnique({
    where: { keyHash: sha256Hex(key) },
    select: {
      id: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
      owner: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!row || row.revokedAt || row.owner.disabled) return undefined;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_INTERVAL_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { disabled: _disabled, ...owner } = row.owner;
  return { id: row.id, scopes: row.scopes as ApiKeyScope[], owner };
}
