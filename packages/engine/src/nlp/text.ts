// Splits a note into tokens that keep their character offsets, and normalises words so that spelling, case,
// accents, Arabic-script letter variants and English inflections ("coughing", "coughs") compare equal.
/// <reference path="./natural.d.ts" />
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export type TokenKind = 'word' | 'number' | 'punct' | 'break';

export interface Token {
  /** Offsets [start, end) into the original text. */
  start: number;
  end: number;
  kind: TokenKind;
  /** Lower case, accents folded, Arabic-script variants unified; punctuation as itself. */
  norm: string;
  /** `norm` reduced to its stem for Latin words, else `norm`: what lexicon phrases are compared on. */
  key: string;
}

/**
 * Words (letters, combining marks, digits, joiners, inner apostrophes), decimals, line breaks, and any other single
 * non-space character. `-` and `_` separate words without being tokens, so "Dard-e-Sar" reads as "dard e sar".
 */
const TOKEN_PATTERN =
  /\p{N}+\.\p{N}+|[\p{L}\p{M}\p{N}\u200c\u200d]+(?:['’][\p{L}\p{M}\p{N}\u200c\u200d]+)*|\n|[^\s\-_]/gu;

/** Arabic letters typed in place of their Urdu forms, and Arabic-Indic digits. */
const LETTER_VARIANTS: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ه: 'ہ',
  ۃ: 'ہ',
  ة: 'ہ',
  '’': "'",
};
const VARIANT_PATTERN = /[يىكهۃة’]/g;
const MARKS_AND_JOINERS = /[\p{M}\u200c\u200d]/gu;
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

function foldDigit(d: string): string {
  const code = d.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** Lower case, compatibility forms and accents folded ("Sudā" → "suda"), Urdu letter variants unified. */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS_AND_JOINERS, '')
    .toLowerCase()
    .replace(VARIANT_PATTERN, (c) => LETTER_VARIANTS[c] ?? c)
    .replace(ARABIC_DIGITS, foldDigit);
}

/** Stems are computed once per distinct word; the cache is bounded so a stream of novel words cannot grow it forever. */
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();
/** Porter's rules are for English; shorter words and non-Latin words are compared as they are. */
const MIN_STEM_LENGTH = 3;
const LATIN_WORD = /^[a-z]+$/;

/**
 * Words whose Porter stem would join a different complaint or word: "spotting" (light vaginal bleeding) is not "spots"
 * (pimples), "ORS" (oral rehydration salts) is not "or". They are compared as written.
 */
const UNSTEMMED: ReadonlySet<string> = new Set(['spotting', 'ors']);

/**
 * Romanised Urdu's little words in the spellings people type, compared as one: "neend nai aati" is "neend nahi aati",
 * "kan main dard" is "kan mein dard". Both a note and the lexicon's phrases go through this, so English "me" or "main"
 * meets only itself in another spelling.
 */
const FUNCTION_WORD_SPELLINGS: Readonly<Record<string, string>> = {
  nai: 'nahi',
  nhi: 'nahi',
  nahin: 'nahi',
  nahee: 'nahi',
  nahiin: 'nahi',
  main: 'mein',
  mai: 'mein',
  mei: 'mein',
  me: 'mein',
  men: 'mein',
  hy: 'hai',
  he: 'hai',
  hae: 'hai',
  hen: 'hain',
  hein: 'hain',
};

/** The comparison key of a normalised word: its Porter stem for Latin words of 3+ letters, else the word itself. */
export function keyOf(norm: string): string {
  const spelling = FUNCTION_WORD_SPELLINGS[norm];
  if (spelling !== undefined) return spelling;
  if (norm.length < MIN_STEM_LENGTH || !LATIN_WORD.test(norm) || UNSTEMMED.has(norm)) return norm;
  let stem = stemCache.get(norm);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stem = PorterStemmer.stem(norm);
    stemCache.set(norm, stem);
  }
  return stem;
}

const DIGITS = /^\p{N}+(?:\.\p{N}+)?$/u;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;

/** Tokenises `text`; offsets index the original string, so spans can be highlighted as typed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (raw === '\n') {
      tokens.push({ start, end, kind: 'break', norm: '\n', key: '\n' });
      continue;
    }
    if (!WORD_START.test(raw)) {
      const norm = raw === '’' ? "'" : raw;
      tokens.push({ start, end, kind: 'punct', norm, key: norm });
      continue;
    }
    const norm = normaliseWord(raw);
    if (norm === '') continue;
    const kind: TokenKind = DIGITS.test(norm) ? 'number' : 'word';
    tokens.push({ start, end, kind, norm, key: kind === 'word' ? keyOf(norm) : norm });
  }
  return tokens;
}

/** The words of a lexicon phrase, normalised like text: what "skin_rash", "Skin-Rash" and "skin rash" share. */
export function phraseWords(phrase: string): Token[] {
  return tokenize(phrase).filter((t) => t.kind === 'word' || t.kind === 'number');
}
