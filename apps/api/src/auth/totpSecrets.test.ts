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
    const body = parts[3] ?? '';
    const flipped = `${body.slice(0, -1)}${body.endsWith('A') ? 'B' : 'A'}`;
    expect(() => secretBox('one key').open([...parts.slice(0, 3), flipped].join('.'))).toThrow();
  });
});
