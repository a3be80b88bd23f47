import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type BuiltChunk, firstLoadBytes } from './firstLoadBudget.ts';

const chunk = (fileName: string, code: string, extra: Partial<BuiltChunk> = {}): BuiltChunk => ({
  fileName,
  code,
  imports: [],
  isEntry: false,
  facadeModuleId: null,
  ...extra,
});
const gz = (code: string) => gzipSync(code).length;

describe('first-load budget', () => {
  const shared = chunk('shared.js', 'export const shared = "x".repeat(10);');
  const entry = chunk('index.js', 'import "./shared.js"; console.log("entry");', {
    isEntry: true,
    imports: ['shared.js'],
  });
  const signIn = chunk('SignIn.js', 'export function SignIn() { return "sign in"; }', {
    facadeModuleId: '/app/src/pages/SignInPage.tsx',
    imports: ['shared.js'],
  });
  const charts = chunk('Charts.js', 'export const charts = "a large charting library";', {
    facadeModuleId: '/app/src/research/ResearchPage.tsx',
  });

  it('counts the entry, the page and their static imports once each, gzipped', () => {
    const bytes = firstLoadBytes([entry, shared, signIn, charts], 'src/pages/SignInPage.tsx');
    expect(bytes).toBe(gz(entry.code) + gz(shared.code) + gz(signIn.code));
  });

  it('leaves out chunks only another page loads', () => {
    const withCharts = firstLoadBytes([entry, shared, signIn, charts], 'src/pages/SignInPage.tsx');
    const without = firstLoadBytes([entry, shared, signIn], 'src/pages/SignInPage.tsx');
    expect(withCharts).toBe(without);
  });

  it('says so when the page has no chunk of its own', () => {
    expect(() => firstLoadBytes([entry, shared], 'src/pages/NotePage.tsx')).toThrow(/lazy route/);
  });
});
