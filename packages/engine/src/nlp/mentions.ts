// Finds symptom mentions in a tokenised note: every lexicon phrase that occurs, then the longest first with no
// overlaps, so "blocked nose" is one mention and not "nose" as well.
import { correct, respelt, spellingFold } from './fuzzy.ts';
import { FILLER_WORDS, type Lexicon, type LexiconPhrase } from './lexicon.ts';
import { INTENSITY_WORDS } from './severity.ts';
import { QUALITY_WORDS } from './sites.ts';
import { keyOf, normaliseWord, type Token } from './text.ts';
import { PLACE_LINK, PLACE_LINKS } from './wordOrder.ts';

export interface Mention {
  symptom: number;
  /** Token range [first, end). */
  first: number;
  end: number;
  /** Tokens inside the range that belong to no word of the phrase: intensity and side words read past. */
  skipped: readonly number[];
  /** A denial said inside the phrase: "saans nahi phoolti", "knee not swollen". */
  denied?: boolean;
  /**
   * Complaint words joined to the phrase's own and read past ("pain [and swelling] in the knee"): they share its
   * place, and are read there as findings of their own (see sites.ts).
   */
  shared?: readonly number[];
}

/** Words that join two complaints sharing a place. */
const JOINS: ReadonlySet<string> = new Set(['and', 'or', 'aur', 'ya', '&', 'اور', 'یا']);

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

/** How much, said in everyday English: "my throat is really sore", "my knee is so swollen". */
const DEGREE_WORDS: ReadonlySet<string> = new Set(['really', 'so', 'quite', 'pretty', 'too', 'extremely', 'rather']);

/** How it began: "naak se achanak khoon" is still a nosebleed. The word stays free for the onset reader. */
const ONSET_WORDS: ReadonlySet<string> = new Set(['achanak', 'achaanak', 'suddenly', 'ekdam', 'ekdum', 'اچانک']);

/**
 * Words read past between the words of a phrase, never before its first: an intensity ("pet mein tez dard",
 * "nigalne mein thoda dard"), a side ("pain in left knee") or freshness ("khansi mein taaza khoon") qualifies the
 * complaint without changing which it is. They stay free for the severity reader, so "pet mein tez dard" is
 * abdominal pain, severe.
 */
function qualifies(norm: string): boolean {
  return (
    INTENSITY_WORDS.has(norm) ||
    SIDE_WORDS.has(norm) ||
    FRESHNESS_WORDS.has(norm) ||
    ONSET_WORDS.has(norm) ||
    DEGREE_WORDS.has(norm)
  );
}

/**
 * "The back of my head", "the side of the neck": a part of the place that follows. Inside a phrase these two words are
 * read past, so "pain in the back of my head" is a headache, not the back's pain; descriptions do not take them for
 * the place either.
 */
const REGION_WORDS: ReadonlySet<string> = new Set(['back', 'front', 'side']);

/** Whether the word at `i` is a region of what follows it: "back" in "the back of the thigh". */
export function isRegionOf(tokens: readonly Token[], i: number): boolean {
  return REGION_WORDS.has(tokens[i]?.norm ?? '') && tokens[i + 1]?.norm === 'of';
}

const NO_PHRASES: readonly LexiconPhrase[] = [];

/** Whether a complaint word ("swelling") names a finding at the place of `symptom` (knee pain → joint swelling). */
function placeHolds(lexicon: Lexicon, symptom: number, word: string): boolean {
  const quality = QUALITY_WORDS.get(word);
  const site = lexicon.symptoms[symptom]?.site;
  return quality !== undefined && site !== undefined && lexicon.located.has(`${site}/${quality}`);
}

/**
 * Denials that Urdu puts inside the complaint, between its noun and its verb ("saans nahi phoolti", "jhatke nahi
 * aaye"), and English between a part and its state ("knee not swollen"). Read past, they deny the mention. A phrase
 * that holds the word itself ("neend nahi aati", sleeplessness) matches it as its own word first.
 */
const INNER_DENIALS: ReadonlySet<string> = new Set(['nahi', 'nahin', 'nhi', 'nai', 'not', 'نہیں']);

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
  // A word of a phrase matches by its key, by its spelling fold ("munh mein chhaale" is "munh mein chhale"), or, in a
  // code-switched note, by translation either way ("subah stiffness" is "morning stiffness", "pet mein pain" is
  // "pet mein dard").
  const folds = tokens.map((t) => (t.kind === 'word' ? spellingFold(t.norm) : undefined));
  const meanings = folds.map((f) => (f === undefined ? undefined : lexicon.translations.get(f)));
  const sameWord = (j: number, phrase: LexiconPhrase, k: number) => {
    const key = keys[j];
    const phraseKey = phrase.keys[k] as string;
    if (key !== undefined && key === phraseKey) return true;
    const fold = folds[j];
    if (fold === undefined) return false;
    const phraseFold = phrase.folds[k];
    if (fold === phraseFold) return true;
    if (meanings[j]?.has(phraseKey)) return true;
    return key !== undefined && phrase.meanings[k]?.has(key) === true;
  };
  // "The back of the thigh" names a part of the thigh, not the back, unless the phrase itself says "back of".
  const regionOf = (j: number, phrase: LexiconPhrase, k: number) =>
    isRegionOf(tokens, j) && (phrase.keys[k + 1] === undefined || phrase.keys[k + 1] !== keys[j + 1]);
  tokens.forEach((_, i) => {
    const key = keys[i];
    const fold = folds[i];
    const byKey = (key === undefined ? undefined : lexicon.phrases.get(key)) ?? NO_PHRASES;
    const byFold = fold === undefined ? undefined : lexicon.phrasesByFold.get(fold);
    const meaning = fold === undefined ? undefined : lexicon.startTranslations.get(fold);
    let found: readonly LexiconPhrase[] = byKey;
    // Other spellings of the word start their own phrases; its own key's group is `byKey` already.
    let others = false;
    for (const k of byFold?.keys() ?? []) others ||= k !== key;
    if (others || meaning !== undefined) {
      const all = [...byKey];
      for (const [k, list] of byFold ?? []) if (k !== key) all.push(...list);
      // A translated first word starts only phrases of two words or more: alone, "pet" is not a stomach complaint.
      for (const english of meaning ?? []) {
        for (const p of lexicon.phrases.get(english) ?? []) if (p.keys.length > 1) all.push(p);
      }
      found = all;
    }
    for (const phrase of found) {
      if (regionOf(i, phrase, 0)) continue;
      let j = i + 1;
      let k = 1;
      const skipped: number[] = [];
      let denied = false;
      const shared: number[] = [];
      while (k < phrase.keys.length && j < tokens.length) {
        const norm = tokens[j]?.norm ?? '';
        const next = tokens[j + 1]?.norm ?? '';
        // Another complaint word joined to this one ("pain and swelling in", "mein soojan aur dard"), read past only
        // when the phrase's place has a finding for it: "neck is stiff and painful" must stay a stiff neck.
        const word = JOINS.has(norm) ? j + 1 : JOINS.has(next) ? j : -1;
        if (word >= 0 && keys[j] !== phrase.keys[k] && placeHolds(lexicon, phrase.symptom, tokens[word]?.norm ?? '')) {
          skipped.push(j, j + 1);
          shared.push(word);
          j += 2;
          continue;
        }
        // The plain key comparison first: most words are compared with most phrases this way alone.
        const phraseKey = phrase.keys[k] as string;
        // "pain in the knee" is also "pain of / on / around the knee".
        const placeLink = phraseKey === PLACE_LINK && PLACE_LINKS.has(keys[j] ?? '');
        if (regionOf(j, phrase, k)) {
          skipped.push(j, j + 1);
          j += 2;
          continue;
        }
        if (keys[j] === phraseKey || placeLink || (folds[j] !== undefined && sameWord(j, phrase, k))) k++;
        else if (qualifies(norm)) skipped.push(j);
        else if (!denied && INNER_DENIALS.has(norm)) denied = true;
        // A slash inside clinic shorthand ("bleeding p/v", "k/c/o diabetes") is read past like a filler.
        else if (!FILLER_WORDS.has(norm) && norm !== '/') break;
        j++;
      }
      if (k === phrase.keys.length) {
        const mention = { symptom: phrase.symptom, first: i, end: j, skipped, words: k, rank: phrase.rank };
        candidates.push({ ...mention, ...(denied ? { denied } : {}), ...(shared.length > 0 ? { shared } : {}) });
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
    chosen.push({
      symptom: c.symptom,
      first: c.first,
      end: c.end,
      skipped: c.skipped,
      ...(c.denied ? { denied: true } : {}),
      ...(c.shared ? { shared: c.shared } : {}),
    });
  }
  return chosen.sort((a, b) => a.first - b.first);
}
