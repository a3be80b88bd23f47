// Finds symptom mentions in a tokenised note: every lexicon phrase that occurs, then the longest first with no
// overlaps, so "blocked nose" is one mention and not "nose" as well.
import { correct, respelt, spellingFold } from './fuzzy.ts';
import { FILLER_WORDS, type Lexicon, type LexiconPhrase } from './lexicon.ts';
import { INTENSITY_WORDS } from './severity.ts';
import { keyOf, normaliseWord, type Token } from './text.ts';

export interface Mention {
  symptom: number;
  /** Token range [first, end). */
  first: number;
  end: number;
  /** Tokens inside the range that belong to no word of the phrase: intensity and side words read past. */
  skipped: readonly number[];
}

/** Which side of the body: said inside a complaint ("pain in right big toe", "daayen ghutne mein dard"). */
const SIDE_WORDS: ReadonlySet<string> = new Set([
  'right',
  'left',
  'both',
  'dono',
  'daayen',
  'daayan',
  'dayen',
  'dayan',
  'baayen',
  'baayan',
  'bayen',
  'bayan',
]);

/** How fresh blood looks: "ulti mein taaza khoon" is still blood in the vomit. */
const FRESHNESS_WORDS: ReadonlySet<string> = new Set(['taaza', 'taza', 'fresh', 'تازہ']);

/**
 * Words read past between the words of a phrase, never before its first: an intensity ("pet mein tez dard",
 * "nigalne mein thoda dard"), a side ("pain in left knee") or freshness ("khansi mein taaza khoon") qualifies the
 * complaint without changing which it is. They stay free for the severity reader, so "pet mein tez dard" is
 * abdominal pain, severe.
 */
function qualifies(norm: string): boolean {
  return INTENSITY_WORDS.has(norm) || SIDE_WORDS.has(norm) || FRESHNESS_WORDS.has(norm);
}

interface Candidate extends Mention {
  words: number;
  rank: number;
}

/** The lexicon key each token stands for: its own key when known, else a typo correction, else undefined. */
export function resolveKeys(tokens: readonly Token[], lexicon: Lexicon): Array<string | undefined> {
  return tokens.map((t) => {
    if (t.kind !== 'word' && t.kind !== 'number') return undefined;
    if (lexicon.keys.has(t.key)) return t.key;
    if (t.kind !== 'word') return undefined;
    return correct(lexicon.fuzzy, t.norm);
  });
}

/**
 * The lexicon key an unknown word is read as because romanised Urdu spells it another way ("daagh" as "daag"), or
 * undefined. What a note's word goes through before typo correction.
 */
export function respelling(lexicon: Lexicon, word: string): string | undefined {
  const norm = normaliseWord(word);
  if (lexicon.keys.has(keyOf(norm)) || lexicon.fuzzy.protectedWords.has(norm)) return undefined;
  return respelt(lexicon.fuzzy, norm);
}

/** Symptom mentions in text order, longest phrase first where phrases overlap. */
export function findMentions(
  tokens: readonly Token[],
  lexicon: Lexicon,
  keys: ReadonlyArray<string | undefined> = resolveKeys(tokens, lexicon),
): Mention[] {
  const candidates: Candidate[] = [];
  // A word of a phrase matches by its key, or by its spelling fold: "munh mein chhaale" is "munh mein chhale".
  const folds = tokens.map((t) => (t.kind === 'word' ? spellingFold(t.norm) : undefined));
  const sameWord = (j: number, phrase: LexiconPhrase, k: number) =>
    (keys[j] !== undefined && keys[j] === phrase.keys[k]) || (folds[j] !== undefined && folds[j] === phrase.folds[k]);
  tokens.forEach((_, i) => {
    const key = keys[i];
    const fold = folds[i];
    const byKey = key === undefined ? [] : (lexicon.phrases.get(key) ?? []);
    const byFold = fold === undefined ? [] : (lexicon.phrasesByFold.get(fold) ?? []).filter((p) => p.keys[0] !== key);
    if (byKey.length === 0 && byFold.length === 0) return;
    for (const phrase of byFold.length === 0 ? byKey : [...byKey, ...byFold]) {
      let j = i + 1;
      let k = 1;
      const skipped: number[] = [];
      while (k < phrase.keys.length && j < tokens.length) {
        const norm = tokens[j]?.norm ?? '';
        if (sameWord(j, phrase, k)) k++;
        else if (qualifies(norm)) skipped.push(j);
        // A slash inside clinic shorthand ("bleeding p/v", "k/c/o diabetes") is read past like a filler.
        else if (!FILLER_WORDS.has(norm) && norm !== '/') break;
        j++;
      }
      if (k === phrase.keys.length) {
        candidates.push({ symptom: phrase.symptom, first: i, end: j, skipped, words: k, rank: phrase.rank });
      }
    }
  });
  candidates.sort(
    (a, b) =>
      b.end - b.first - (a.end - a.first) ||
      b.words - a.words ||
      a.rank - b.rank ||
      a.first - b.first ||
      a.symptom - b.symptom,
  );
  const taken = new Uint8Array(tokens.length);
  const chosen: Mention[] = [];
  for (const c of candidates) {
    let free = true;
    for (let t = c.first; t < c.end && free; t++) free = taken[t] === 0;
    if (!free) continue;
    taken.fill(1, c.first, c.end);
    chosen.push({ symptom: c.symptom, first: c.first, end: c.end, skipped: c.skipped });
  }
  return chosen.sort((a, b) => a.first - b.first);
}
