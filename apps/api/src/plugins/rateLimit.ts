// Rate limits where a route asks for one (sign-in, share links). With REDIS_URL the counts live in Redis, so a
// limit holds for the whole deployment however many replicas answer; without it, in this process (one replica).
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { HttpProblem } from './errors.ts';

/** Redis sits next to the API: a request never waits longer than this for a count. */
const CONNECT_TIMEOUT_MS = 2_000;
const COMMAND_TIMEOUT_MS = 1_000;
const RECONNECT_MAX_MS = 2_000;

export interface RateLimitOptions {
  redisUrl?: string;
  /** Prefix of the counters' keys: deployments (and test runs) sharing one Redis keep apart. */
  keyPrefix?: string;
}

export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const redis = options.redisUrl ? sharedCounters(app, options.redisUrl) : undefined;
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis
      ? {
          redis,
          nameSpace: `${options.keyPrefix ?? 'cdss:'}rate-limit:`,
          // Redis away: serve rather than refuse every sign-in; the per-account sign-in budgets (decision 0018)
          // live in the database and still bound guessing.
          skipOnError: true,
        }
      : {}),
    // Thrown by the plugin: an HttpProblem keeps its detail through the error handler (a plain object lost it).
    errorResponseBuilder: (_req, context) =>
      new HttpProblem(429, 'Too Many Requests', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`),
  });
}

function sharedCounters(app: FastifyInstance, url: string): Redis {
  // No offline queue and one try: while Redis is away a count fails at once instead of holding the request.
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, RECONNECT_MAX_MS),
  });
  // One warning per outage; the URL may hold a password, so it is not logged.
  let away = false;
  redis.on('error', (error: { code?: unknown; message?: unknown }) => {
    if (away) return;
    away = true;
    app.log.warn(
      { err: { code: error.code, message: error.message } },
      'Rate limits cannot reach Redis: they are not enforced until it answers again',
    );
  });
  redis.on('ready', () => {
    if (away) app.log.info('Redis answers again: rate limits hold across every replica');
    away = false;
  });
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  return redis;
}
