import { describe, expect, it } from 'vitest';
import type { BuiltChunk } from './firstLoadBudget.ts';
import { pagePreloadsOf } from './pagePreloads.ts';

const chunk = (fileName: string, extra: Partial<BuiltChunk> = {}): BuiltChunk => ({
  fileName,
  code: '',
  imports: [],
  isEntry: false,
  facadeModuleId: null,
  ...extra,
});

describe('page preloads', () => {
  const shared = chunk('assets/shared.js');
  const entry = chunk('assets/index.js', { isEntry: true, imports: ['assets/shared.js'] });
  const lang = chunk('assets/Lang.js');
  const note = chunk('assets/NotePage.js', {
    facadeModuleId: '/app/src/pages/NotePage.tsx',
    imports: ['assets/shared.js', 'assets/Lang.js'],
  });
  const charts = chunk('assets/Charts.js', { facadeModuleId: '/app/src/research/ResearchPage.tsx' });

  it("lists a page's chunk and what it imports, leaving out what the entry already loads", () => {
    expect(pagePreloadsOf([entry, shared, lang, note, charts], ['src/pages/NotePage.tsx'])).toEqual({
      'src/pages/NotePage.tsx': ['assets/NotePage.js', 'assets/Lang.js'],
    });
  });

  it('fails the build when a page is no longer its own chunk', () => {
    expect(() => pagePreloadsOf([entry, shared], ['src/pages/NotePage.tsx'])).toThrow(/No chunk is built/);
  });
});
