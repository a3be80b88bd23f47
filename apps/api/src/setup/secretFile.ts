// Secrets the server makes for itself when they are not configured: drawn once and kept in a file only its owner
// can read, beside the models (the volume every replica shares in Docker Compose), so restarts and replicas agree
// on them and a copy of the database alone does not reveal what they protect.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOTP_KEY_FILE = 'totp-encryption.key';
export const RESEARCH_SECRET_FILE = 'research-secret.key';

/**
 * The secret in `dir/name`, made (256 random bits) when the file is missing. Several servers starting at once
 * agree: each writes a private temporary file and links it into place, and whoever loses reads the winner's.
 */
export function secretFromFile(dir: string, name: string, onCreated: (file: string) => void): string {
  const file = join(dir, name);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true });
  const draft = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(draft, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    onCreated(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`${file} is empty: remove it to have a new secret made.`);
  return secret;
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
