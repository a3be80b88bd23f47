// The Urdu font the app ships: Noto Nastaliq Urdu (regular) cut down to the letters, marks, digits and
// punctuation Urdu uses. The full Arabic-script file (159 kB) also carries Arabic, Persian, Sindhi and
// Pashto letters that an Urdu page never shows; on a slow phone link those bytes delayed the Urdu note.
// A character outside the subset (an Arabic-only letter someone types) is drawn by the fallback face.
// Regenerate after a font upgrade with `pnpm --filter @unani/web font:urdu`; a unit test checks the
// committed file is what this module produces.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const here = dirname(fileURLToPath(import.meta.url));

/** The subset file the stylesheet (src/urduFont.css) points at. */
export const URDU_FONT_FILE = join(here, '../src/fonts/noto-nastaliq-urdu-urdu-400.woff2');

/** Inclusive code point ranges of written Urdu. */
export const URDU_RANGES: readonly (readonly [number, number])[] = [
  [0x060c, 0x060c], // ، comma
  [0x061b, 0x061b], // ؛ semicolon
  [0x061f, 0x061f], // ؟ question mark
  [0x0621, 0x063a], // hamza … ghain
  [0x0640, 0x0648], // tatweel, fa … waw
  [0x064b, 0x0656], // harakat, including hamza above and below
  [0x0670, 0x0670], // superscript alef
  [0x0679, 0x0679], // ٹ
  [0x067e, 0x067e], // پ
  [0x0686, 0x0686], // چ
  [0x0688, 0x0688], // ڈ
  [0x0691, 0x0691], // ڑ
  [0x0698, 0x0698], // ژ
  [0x06a9, 0x06a9], // ک
  [0x06af, 0x06af], // گ
  [0x06ba, 0x06ba], // ں
  [0x06be, 0x06be], // ھ
  [0x06c0, 0x06c3], // ۀ ہ ۂ ۃ
  [0x06cc, 0x06cc], // ی
  [0x06d2, 0x06d4], // ے ۓ ۔
  [0x06f0, 0x06f9], // Urdu digits
  [0x200c, 0x200f], // joiners and direction marks
  [0x2010, 0x2011], // hyphens
];

export function inUrduRanges(codePoint: number): boolean {
  return URDU_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The stylesheet's `unicode-range` for the subset, so the browser fetches it only for Urdu text. */
export function urduUnicodeRange(): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return URDU_RANGES.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(', ');
}

/** The Arabic-script file of the pinned @fontsource package, which the subset is cut from. */
function sourceFont(): Buffer {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@fontsource/noto-nastaliq-urdu/package.json'));
  return readFileSync(join(pkg, 'files/noto-nastaliq-urdu-arabic-400-normal.woff2'));
}

/** The subset, as WOFF2 bytes; its shaping rules (joining, ligatures, mark placement) are kept. */
export async function buildUrduFont(): Promise<Buffer> {
  const text = URDU_RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
  ).join('');
  return subsetFont(sourceFont(), text, { targetFormat: 'woff2' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const font = await buildUrduFont();
  writeFileSync(URDU_FONT_FILE, font);
  process.stdout.write(`${URDU_FONT_FILE}: ${font.length} bytes\n`);
}
