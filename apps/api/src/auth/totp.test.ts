import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, timeStep, totpCode } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 secret is the ASCII "12345678901234567890"; codes are its last 6 of 8 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC’s test vector at %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('matches RFC 4226’s HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '520489']);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('accepts one step of drift either way, and never the same step twice', () => {
    const at = 1_700_000_000_000;
    const previous = totpCode(RFC_SECRET, at - 30_000);
    expect(matchingStep(RFC_SECRET, previous, null, at)).toBe(timeStep(at) - 1);
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, at - 90_000), null, at)).toBeUndefined();
    const now = totpCode(RFC_SECRET, at);
    expect(matchingStep(RFC_SECRET, now, timeStep(at), at)).toBeUndefined();
    expect(matchingStep(RFC_SECRET, '12345', null, at)).toBeUndefined();
  });

  it('writes an otpauth URI with issuer and account', () => {
    expect(otpauthUri('ABC', 'hakim@clinic.example')).toBe(
      'otpauth://totp/Unani%20CDSS:hakim%40clinic.example?secret=ABC&issuer=Unani+CDSS&algorithm=SHA1&digits=6&period=30',
    );
  });
});
