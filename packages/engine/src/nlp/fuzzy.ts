// Typo tolerance: maps an unknown word to the one lexicon word it is most plausibly a misspelling of.
// Candidates come from a deletion index (every word and its one-letter deletions, as in SymSpell), so a lookup
// is a handful of map reads; each candidate is then checked with natural's Jaro-Winkler similarity.
/// <reference path="./natural.d.ts" />
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/**
 * Words shorter than this are never corrected: short words differ from each other by one letter too often
 * ("cold"/"cord", "pain"/"paid"), so a correction would more often be wrong than right.
 */
export const MIN_FUZZY_LENGTH = 5;

/**
 * Minimum Jaro-Winkler similarity for a correction. Chosen on real confusions: it accepts "headahce"→headache
 * (0.975), "diarhoea"→diarrhoea (0.978), "sneesing"→sneezing (0.95), and rejects "fewer"→fever (0.893),
 * "stood"→stool (0.92), "sweet"→sweat (0.907) even before the edit rules below.
 */
export const FUZZY_THRESHOLD = 0.93;

/** Remembered corrections per lexicon; bounded so a stream of novel words cannot grow it without limit. */
const MEMO_LIMIT = 20_000;

const LATIN_WORD = /^[a-z]+$/;

export interface FuzzyIndex {
  /** A word's romanised-Urdu spelling skeleton → the lexicon words (as written, with their keys) that share it. */
  readonly spellings: ReadonlyMap<string, ReadonlyArray<readonly [word: string, key: string]>>;
  /** A word or one of its one-letter deletions → the lexicon words it comes from. */
  readonly variants: ReadonlyMap<string, readonly string[]>;
  /** Lexicon word → its comparison key. */
  readonly keys: ReadonlyMap<string, string>;
  /** Words never corrected: negation cues, modifiers, common English words that sit one letter from a symptom. */
  readonly protectedWords: ReadonlySet<string>;
  readonly memo: Map<string, string | null>;
}

/** Spelling variants shorter than this are not looked up: "na"/"naa" and the like are cue words, not complaints. */
const MIN_SPELLING_LENGTH = 3;

/**
 * The letters romanised Urdu spells in more than one way, folded: long vowels written double or single (bukhaar,
 * bukhar; peet, pit; doodh, dudh), kh/k and gh/g (khaansi, kansi; daagh, daag), doubled consonants (patta, pata) and a
 * final h (seenah, seena; dardh, dard). Two spellings with the same skeleton are read as one word.
 */
export function spellingSkeleton(word: string): string {
  return word
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/([kg])h/g, '$1')
    .replace(/(.)h$/, '$1');
}

/** One-letter words ("a", "i") have no fold: they are never another spelling of a complaint's word. */
const MIN_FOLD_LENGTH = 2;

/**
 * The spelling skeleton a word of a phrase is compared on besides its key: two romanised-Urdu spellings of one word
 * ("chhaale", "chhale"; "paani", "pani") read as the same word inside a phrase, even when both are known words and so
 * never respelt. Undefined for one-letter and non-Latin words.
 */
export function spellingFold(norm: string): string | undefined {
  if (norm.length < MIN_FOLD_LENGTH) return undefined;
  const known = foldCache.get(norm);
  if (known !== undefined) return known || undefined;
  // Remembered per word ('' for none): a note repeats its words, and the skeleton is five replacements.
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  const fold = LATIN_WORD.test(norm) ? spellingSkeleton(norm) : '';
  foldCache.set(norm, fold);
  return fold || undefined;
}

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export type Edit = 'none' | 'insertion' | 'deletion' | 'substitution' | 'transposition';

/**
 * The single edit that turns `typed` into `word` (a letter inserted or deleted, substituted, or two adjacent
 * letters swapped), or undefined when they are further apart.
 */
export function singleEdit(typed: string, word: string): Edit | undefined {
  if (typed === word) return 'none';
  const diff = typed.length - word.length;
  if (diff > 1 || diff < -1) return undefined;
  let i = 0;
  while (i < typed.length && i < word.length && typed[i] === word[i]) i++;
  if (diff === 1) return typed.slice(i + 1) === word.slice(i) ? 'insertion' : undefined;
  if (diff === -1) return typed.slice(i) === word.slice(i + 1) ? 'deletion' : undefined;
  if (typed.slice(i + 1) === word.slice(i + 1)) return 'substitution';
  const swapped = typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
  return swapped ? 'transposition' : undefined;
}

/**
 * A substituted letter turns one real word into another far more often than a swapped, doubled or dropped one
 * ("healing"/"hearing", "fewer"/"fever"), so substitutions are only corrected in words at least this long.
 */
export const MIN_SUBSTITUTION_LENGTH = 8;

/** Whether `typed` may be read as a misspelling of `word`. */
function plausibleTypo(typed: string, word: string): boolean {
  // A typo rarely hits the first letter, and requiring it keeps "cough" from ever reading as "rough".
  if (typed[0] !== word[0]) return false;
  // A word that extends another by a letter at the end is usually another word ("closer"/"close", "chilly"/"chill").
  if (typed.startsWith(word) || word.startsWith(typed)) return false;
  const edit = singleEdit(typed, word);
  if (edit === undefined) return false;
  return edit !== 'substitution' || typed.length >= MIN_SUBSTITUTION_LENGTH;
}

/** Indexes `words` (lexicon words as written → their key) for correction; `protectedWords` are left as typed. */
export function buildFuzzyIndex(words: ReadonlyMap<string, string>, protectedWords: ReadonlySet<string>): FuzzyIndex {
  const variants = new Map<string, string[]>();
  const keys = new Map<string, string>();
  const spellings = new Map<string, Array<readonly [string, string]>>();
  for (const [word, key] of words) {
    if (word.length < MIN_SPELLING_LENGTH || !LATIN_WORD.test(word)) continue;
    const skeleton = spellingSkeleton(word);
    const list = spellings.get(skeleton) ?? [];
    list.push([word, key]);
    spellings.set(skeleton, list);
  }
  for (const [word, key] of words) {
    if (word.length < MIN_FUZZY_LENGTH || !LATIN_WORD.test(word)) continue;
    keys.set(word, key);
    for (const v of [word, ...deletions(word)]) {
      const list = variants.get(v);
      if (!list) variants.set(v, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }
  return { spellings, variants, keys, protectedWords, memo: new Map() };
}

/**
 * Letters that romanised Urdu spells more than one way. Only a word written with one of them is respelt: "daagh" may
 * be "daag", but plain "dad" (a father) is never read as "daad" (ringworm).
 */
const SPELLING_MARKER = /aa|ee|oo|kh|gh|([b-df-hj-np-tv-z])\1|h$/;

/** The key of the lexicon word spelt `word`'s other way; of several ("daag", "dagh"), the most alike. */
export function respelt(index: FuzzyIndex, word: string): string | undefined {
  if (!SPELLING_MARKER.test(word)) return undefined;
  let best: { key: string; score: number } | undefined;
  for (const [candidate, key] of index.spellings.get(spellingSkeleton(word)) ?? []) {
    const score = JaroWinklerDistance(word, candidate);
    if (!best || score > best.score) best = { key, score };
  }
  return best?.key;
}

/**
 * The key of the lexicon word `word` is another spelling or a misspelling of, or undefined when no correction is
 * safe.
 */
export function correct(index: FuzzyIndex, word: string): string | undefined {
  if (word.length < MIN_SPELLING_LENGTH || !LATIN_WORD.test(word) || index.protectedWords.has(word)) return undefined;
  const memoised = index.memo.get(word);
  if (memoised !== undefined) return memoised ?? undefined;
  const variant = respelt(index, word);
  if (variant !== undefined || word.length < MIN_FUZZY_LENGTH) return remember(index, word, variant);
  let best: string | undefined;
  let bestScore = FUZZY_THRESHOLD;
  for (const v of [word, ...deletions(word)]) {
    for (const candidate of index.variants.get(v) ?? []) {
      if (!plausibleTypo(word, candidate)) continue;
      const score = JaroWinklerDistance(word, candidate);
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        best = candidate;
        bestScore = score;
      }
    }
  }
  return remember(index, word, best === undefined ? undefined : index.keys.get(best));
}

function remember(index: FuzzyIndex, word: string, key: string | undefined): string | undefined {
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
  index.memo.set(word, key ?? null);
  return key;
}
