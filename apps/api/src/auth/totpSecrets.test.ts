import { describe, expect, it } from 'vitest';
import { secretBox } from './totpSecrets.ts';

describe('secretBox', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = secretBox('a key of the server');
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('refuses a ciphertext sealed under another key or changed', () => {
    const sealed = secretBox('one key').seal('JBSWY3DPEHPK3PXP');
    expect(() => secretBox('another key').open(sealed)).toThrow();
    const parts = sealed.split('.');
    // Change a byte, not a base64 character: the last character of a base64url text may carry only padding bits.
    const bytes = Buffer.from(parts[3] ?? '', 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    const flipped = bytes.toString('base64url');
    expect(() => secretBox('one key').open([...parts.slice(0, 3), flipped].join('.'))).toThrow();
  });
});
