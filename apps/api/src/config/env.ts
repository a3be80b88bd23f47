// Configuration: the only place that reads process.env. A bad value stops start-up with a message naming it.
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
  /** Public address used in patient share links, e.g. https://clinic.example.org. */
  PUBLIC_URL: z.url().optional(),
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
   * Encrypts TOTP secrets at rest (at least 32 characters, e.g. `openssl rand -base64 32`); the same on every
   * replica. Unset, the server keeps a generated key in a file beside the models (auth/totpKeyFile.ts).
   */
  TOTP_ENCRYPTION_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment (process.env by default); throws ConfigError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
}
