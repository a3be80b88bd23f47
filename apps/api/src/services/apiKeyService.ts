// API keys for researchers and integrators: shown once, stored as a hash, scoped, expiring, revocable. A key's
// rights are its scopes intersected with its owner's current role.
import { API_KEY_DEFAULT_DAYS, type ApiKeyScope, ApiKeyView, scopesOfRole } from '@unani/contracts';
import type { DbTx } from '../db/prisma.ts';
import type { SessionUser } from './sessionService.ts';
import { randomToken, sha256Hex } from './tokens.ts';

const KEY_PREFIX = 'ucdss';
/** Record last use at most this often, so a busy key does not write on every request. */
const LAST_USED_INTERVAL_MS = 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ActiveApiKey {
  id: string;
  /** What the key may do now: its scopes that its owner's role still allows. */
  scopes: ApiKeyScope[];
  expiresAt: Date;
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
  expiresAt: Date;
};

export function toApiKeyView(row: KeyRow): ApiKeyView {
  return ApiKeyView.parse({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
  });
}

/** Stores a new key; the caller checks that the owner's role allows the scopes (adminService.issueApiKey). */
export async function createApiKey(
  db: DbTx,
  ownerId: string,
  name: string,
  scopes: ApiKeyScope[],
  expiresInDays = API_KEY_DEFAULT_DAYS,
) {
  const prefix = randomToken(6);
  const key = `${KEY_PREFIX}_${prefix}_${randomToken(32)}`;
  const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
  const row = await db.apiKey.create({
    data: { ownerId, name, prefix, keyHash: sha256Hex(key), scopes: [...new Set(scopes)], expiresAt },
  });
  return { ...toApiKeyView(row), key };
}

/** The key for a bearer token, or undefined when unknown, revoked, expired or its owner is disabled. */
export async function findApiKey(db: DbTx, key: string): Promise<ActiveApiKey | undefined> {
  if (!key.startsWith(`${KEY_PREFIX}_`)) return undefined;
  const row = await db.apiKey.findUnique({
    where: { keyHash: sha256Hex(key) },
    select: {
      id: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      owner: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  const now = Date.now();
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now || row.owner.disabled) return undefined;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_INTERVAL_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { disabled: _disabled, ...owner } = row.owner;
  const allowed = scopesOfRole(owner.role);
  const scopes = (row.scopes as ApiKeyScope[]).filter((scope) => allowed.includes(scope));
  return { id: row.id, scopes, expiresAt: row.expiresAt, owner };
}
