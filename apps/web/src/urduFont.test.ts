// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { urduFontReady } from './urduFont.ts';

describe('urduFontReady', () => {
  it('resolves where the browser has no font loading API', async () => {
    expect('fonts' in document).toBe(false);
    await expect(urduFontReady()).resolves.toBeUndefined();
  });
});
