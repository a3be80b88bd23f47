// A credential that ends or changes is forgotten on every replica: at once in this process, and, when
// REDIS_URL is set, through a Redis channel the other replicas listen on. Without Redis, or while it is
// away, the others stop trusting it within CREDENTIAL_TTL_MS. A message can only make a replica forget
// (and ask the database again), never trust: a forged message costs lookups, not access.
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { BaseLogger } from 'pino';
import { z } from 'zod';
import { CREDENTIAL_TTL_MS, type CredentialChange } from './credentialCache.ts';

/** The channel every replica of one deployment listens on; tests give their own so runs do not meet. */
export const CREDENTIAL_CHANNEL = 'cdss:credentials:changed';

/** The channel under a deployment's REDIS_PREFIX (the default prefix gives CREDENTIAL_CHANNEL). */
export const credentialChannel = (prefix: string) => `${prefix}credentials:changed`;

/** Redis sits next to the API: a connection that takes longer is as good as none. */
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect soon after Redis returns (changes are missed meanwhile), but without hammering it. */
const RECONNECT_MAX_MS = 2_000;

export interface CredentialChanges {
  /** After a change is committed: forget the credential here and tell the other replicas. */
  changed(change: CredentialChange): void;
  /** How changes reach other replicas now: not at all, through Redis, or not until Redis answers again. */
  propagation(): 'in-process' | 'redis' | 'redis-away';
  close(): Promise<void>;
}

/** The message on the channel; `from` lets a replica skip its own. Ids are cuids, hashes SHA-256 hex. */
const Message = z.object({
  from: z.string().max(64),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  credentialId: z.string().min(1).max(64).optional(),
  userId: z.string().min(1).max(64).optional(),
});

function parseMessage(text: string): z.infer<typeof Message> | undefined {
  try {
    const parsed = Message.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface CredentialChangesOptions {
  /** Forgets a change in this process's caches. */
  forget: (change: CredentialChange) => void;
  /** Called whenever the subscription (re)starts: changes may have been missed while it was down. */
  distrustAll: () => void;
  redisUrl?: string;
  channel?: string;
  log: Pick<BaseLogger, 'warn' | 'info'>;
}

export function createCredentialChanges(options: CredentialChangesOptions): CredentialChanges {
  const { forget, distrustAll, redisUrl, log } = options;
  if (!redisUrl) {
    return { changed: forget, propagation: () => 'in-process', close: async () => {} };
  }
  const channel = options.channel ?? CREDENTIAL_CHANNEL;
  const self = randomUUID();
  // No offline queue: a publish while Redis is away fails at once instead of piling up, and requests never
  // wait for Redis. The subscriber subscribes itself on every (re)connection.
  const connection: RedisOptions = {
    enableOfflineQueue: false,
    autoResubscribe: false,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, RECONNECT_MAX_MS),
  };
  const publisher = new Redis(redisUrl, connection);
  const subscriber = new Redis(redisUrl, connection);
  let subscribed = false;
  let away = false;

  // One warning per outage, not one per reconnection attempt; the URL may hold a password, so it is not logged.
  const warn = (error: unknown) => {
    if (away) return;
    away = true;
    const { code, message } = error as { code?: unknown; message?: unknown };
    log.warn(
      { err: { code, message } },
      `Redis is not answering: other replicas notice a sign-out or revocation within ${CREDENTIAL_TTL_MS / 1000} s instead of at once`,
    );
  };
  publisher.on('error', warn);
  subscriber.on('error', warn);
  subscriber.on('close', () => {
    subscribed = false;
  });
  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(() => {
      subscribed = true;
      distrustAll();
      if (away) log.info('Redis answers again: credential changes reach every replica at once');
      away = false;
    }, warn);
  });
  subscriber.on('message', (messageChannel: string, text: string) => {
    if (messageChannel !== channel) return;
    const message = parseMessage(text);
    if (!message || message.from === self) return;
    const { from: _from, ...change } = message;
    forget(change);
  });

  return {
    changed(change) {
      forget(change);
      publisher.publish(channel, JSON.stringify({ from: self, ...change })).catch(warn);
    },
    propagation: () => (subscribed && publisher.status === 'ready' ? 'redis' : 'redis-away'),
    async close() {
      // Nothing waits on these connections: a publish already sent is flushed as the socket ends.
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
