import { describe, expect, it } from 'vitest';
import { isLoopbackLink } from './unreachableLink.ts';

describe('share links a phone cannot open', () => {
  it('recognises the loopback addresses a server answers on when PUBLIC_URL is unset', () => {
    for (const url of [
      'http://127.0.0.1:3000/n/abc',
      'http://localhost:3000/n/abc',
      'http://[::1]:3000/n/abc',
      'http://127.1.2.3/n/abc',
      'http://app.localhost/n/abc',
    ])
      expect(isLoopbackLink(url), url).toBe(true);
  });

  it('accepts addresses a patient can reach', () => {
    for (const url of ['https://clinic.example.org/n/abc', 'http://192.168.1.20:3000/n/abc', 'not a url'])
      expect(isLoopbackLink(url), url).toBe(false);
  });
});
