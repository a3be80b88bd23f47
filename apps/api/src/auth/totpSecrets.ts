// TOTP secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from TOTP_ENCRYPTION_KEY, which lives in
// the server's environment, never in the database. A copy of the database alone reveals no second factor; a
// tampered ciphertext fails authentication instead of yielding a wrong secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** For servers built without a key (tests); `cdss serve` passes the configured or generated one (main.ts). */
export const DEVELOPMENT_TOTP_KEY = 'unani-cdss development key: not for production use';

const VERSION = 'v1';
const IV_BYTES = 12;

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function secretBox(keyMaterial: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, 'unani-cdss', 'totp-secret', 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || !body) throw new Error('The stored TOTP secret has an unknown format.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
