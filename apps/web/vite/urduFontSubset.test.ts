import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteStrings } from '../src/i18n/noteStrings.ts';
import { ur } from '../src/i18n/ur.ts';
import { buildUrduFont, inUrduRanges, URDU_FONT_FILE, urduUnicodeRange } from './urduFontSubset.ts';

const root = join(import.meta.dirname, '../../..');
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;

/** Files under `dir` whose names end with one of `endings`, tests left out. */
function filesUnder(dir: string, endings: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return filesUnder(join(dir, e.name), endings);
    const wanted = endings.some((end) => e.name.endsWith(end)) && !e.name.includes('.test.');
    return wanted ? [join(dir, e.name)] : [];
  });
}

const textOf = (files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('\n');

function outsideSubset(text: string): string[] {
  const chars = new Set(text.match(ARABIC_SCRIPT) ?? []);
  return [...chars]
    .filter((c) => !inUrduRanges(c.codePointAt(0) ?? 0))
    .map((c) => `${c} U+${c.codePointAt(0)?.toString(16)}`);
}

describe('the Urdu font subset', () => {
  it('is the committed file, byte for byte', async () => {
    expect(Buffer.compare(await buildUrduFont(), readFileSync(URDU_FONT_FILE))).toBe(0);
  });

  it('is much smaller than the Arabic-script file it is cut from', () => {
    expect(readFileSync(URDU_FONT_FILE).length).toBeLessThan(125_000);
  });

  it('is declared in the stylesheet with its own unicode-range', () => {
    const css = readFileSync(join(import.meta.dirname, '../src/urduFont.css'), 'utf8');
    const face = css.split('@font-face').find((f) => f.includes('"Noto Nastaliq Urdu"')) ?? '';
    const range = /unicode-range:([^;]+);/.exec(face)?.[1]?.replace(/\s+/g, ' ').trim();
    expect(range).toBe(urduUnicodeRange());
  });

  it('covers every Arabic-script character of the Urdu interface and note', () => {
    expect(outsideSubset(JSON.stringify(ur) + JSON.stringify(noteStrings.ur))).toEqual([]);
  });

  // What the engine and the contracts say in Urdu (explanations, warnings, triage advice) is shown too; the
  // parser's tables of Arabic letter forms to normalise are input, not text on screen, and are not read here.
  it('covers every Arabic-script character the app, contracts and engine display', () => {
    const shown = [
      ...filesUnder(join(root, 'apps/web/src'), ['.ts', '.tsx']),
      ...filesUnder(join(root, 'packages/contracts/src'), ['.ts']),
      ...filesUnder(join(root, 'packages/engine/src/model'), ['.ts']),
      ...filesUnder(join(root, 'packages/engine/src/safety'), ['.ts']),
    ];
    expect(outsideSubset(textOf(shown))).toEqual([]);
  });

  it('covers every Arabic-script character of the knowledge base', () => {
    expect(outsideSubset(textOf(filesUnder(join(root, 'data/knowledge'), ['.yaml'])))).toEqual([]);
  });
});
