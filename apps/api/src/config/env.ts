// Configuration: the only place that reads process.env. A bad value stops start-up with a message naming it.
import { isIP } from 'node:net';
import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_$]+(\?.*)?$/, 'expected mysql://user[:password]@host[:port]/database')
    .default('mysql://root@127.0.0.1:3306/unani_cdss'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The address patients and browsers use, e.g. https://clinic.example.org: share links and FHIR URLs are built
   * from it, and an https address makes the session cookie `__Host-` and `Secure`. Required in production.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Which proxies in front may set X-Forwarded-For/-Proto: false, true (any peer), or their addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => v === 'true' || v === 'false' || v.split(',').every((item) => isProxyAddress(item.trim())),
      'expected true, false, or the proxies’ comma-separated addresses/CIDRs (e.g. 10.0.0.0/8,loopback)',
    )
    .default('false')
    .transform(parseTrustProxy),
  /** A signed-in session ends after this many minutes without a request (shared clinic computers). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  /** Key of the research case pseudonyms (HMAC); unset, the server makes one once and keeps it beside the models. */
  RESEARCH_SECRET: z.string().min(32, 'at least 32 characters, e.g. the output of `openssl rand -hex 32`').optional(),
  MODEL_DIR: z.string().min(1).optional(),
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  /** Force a TensorFlow.js backend: tensorflow, wasm or cpu. */
  ENGINE_BACKEND: z.enum(['tensorflow', 'wasm', 'cpu']).optional(),
  DB_CONNECTION_LIMIT: z.coerce.number().int().min(1).max(100).default(10),
  /** Redis, when several replicas run: a sign-out or revocation then reaches all of them at once. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/\s]+(\/\d+)?(\?\S*)?$/, 'expected redis://[user:password@]host[:port][/db] (or rediss://)')
    .optional(),
  /**
   * Prefix of this deployment's Redis keys and channels (rate-limit counters, credential changes), so that
   * deployments sharing one Redis keep apart.
   */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - only, at most 64')
    .default('cdss:'),
  /**
   * Encrypts TOTP secrets at rest (at least 32 characters, e.g. `openssl rand -base64 32`); the same on every
   * replica. Unset, the server keeps a generated key in a file beside the models (auth/totpKeyFile.ts).
   */
  TOTP_ENCRYPTION_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
});
export type Env = z.infer<typeof EnvSchema>;

/** What the web server needs beyond the commands: the worker and `cdss db …` build no links, so they run without. */
const ServerEnvSchema = EnvSchema.superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        "required in production: the address patients and browsers use, e.g. https://clinic.example.org (share links and FHIR URLs are built from it, never from the request's Host header)",
    });
});

/** Fastify's `trustProxy`: everything, nothing, or the addresses of the trusted proxies. (A hop count would trust
 * no one in Fastify 5, which refuses to take X-Forwarded-* from a peer it cannot check.) */
export type TrustProxy = boolean | string;

/** An address, a CIDR range or one of proxy-addr's named ranges. */
function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function parseTrustProxy(value: string): TrustProxy {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment (process.env by default); throws ConfigError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(EnvSchema, source);
}

/** As loadEnv, for `cdss serve`: production also needs PUBLIC_URL. */
export function loadServerEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(ServerEnvSchema, source);
}

function parseEnv(schema: typeof ServerEnvSchema, source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
}
