// The key that seals TOTP secrets when TOTP_ENCRYPTION_KEY is not set: generated once and kept in a file only
// its owner can read, beside the models (a volume in Docker Compose), so a copy of the database alone does not
// reveal second factors. Several replicas must share one key: set TOTP_ENCRYPTION_KEY for them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOTP_KEY_FILE = 'totp-encryption.key';

/** The key in `dir`, created (256 random bits) when missing. */
export function totpKeyFromFile(dir: string, log: (line: string) => void): string {
  const file = join(dir, TOTP_KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // `wx`: two servers starting at once do not overwrite each other's key.
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  log(`Created ${file}: it encrypts second-factor secrets. Back it up; with several servers set TOTP_ENCRYPTION_KEY.`);
  return key;
}
