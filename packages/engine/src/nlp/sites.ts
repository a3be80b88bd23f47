// A complaint word said without its place ("no bleeding", "soojan nahi", "peep nahi", "it itches") is read at the
// place of the complaint named nearest to it in its sentence: after "a lump at my back passage", "no bleeding" is no
// rectal bleeding; after "kan main dard", "peep nahi" is no discharge from the ear; after "eyes mein redness",
// "itching" is itchy eyes. The knowledge says which finding each word is at each place (`site`, `quality`).
import type { FindingQuality } from '@unani/contracts';
import type { Clauses } from './clauses.ts';
import type { Lexicon } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import type { Token } from './text.ts';

const words = (quality: FindingQuality, list: readonly string[]) => list.map((w) => [w, quality] as const);

/** The complaint words, as notes write them in English, romanised Urdu and Urdu script. */
export const QUALITY_WORDS: ReadonlyMap<string, FindingQuality> = new Map([
  ...words('pain', ['pain', 'pains', 'painful', 'ache', 'aches', 'aching', 'hurts', 'hurting', 'sore', 'dard']),
  ...words('pain', ['dardh', 'dukh', 'dukhta', 'dukhti', 'dukhna', 'درد']),
  ...words('swelling', ['swelling', 'swollen', 'swell', 'swells', 'soojan', 'sujan', 'sojan', 'soozish', 'sooja']),
  ...words('swelling', ['soojha', 'sooji', 'soojay', 'sooje', 'waram', 'سوجن', 'ورم']),
  ...words('redness', ['redness', 'red', 'reddish', 'laali', 'lali', 'surkhi', 'سرخی', 'لالی']),
  ...words('itching', ['itching', 'itch', 'itches', 'itchy', 'kharish', 'khujli', 'khujlee', 'خارش', 'کھجلی']),
  ...words('discharge', ['discharge', 'pus', 'peep', 'reesh', 'mawad', 'پیپ', 'مواد']),
  ...words('bleeding', ['bleeding', 'blood', 'bleed', 'bleeds', 'khoon', 'khun', 'خون']),
  ...words('rash', ['rash', 'rashes', 'daane', 'dane', 'daney', 'دانے']),
  ...words('burning', ['burning', 'burns', 'jalan', 'jalen', 'jalna', 'سوزش', 'جلن']),
  // Phlegm when coughed, mucus in the stool: "potty mein mucus", "aaon aata hai".
  ...words('mucus', ['mucus', 'mucous', 'slime', 'balgham', 'balgam', 'aaon', 'aon', 'aanv', 'aao', 'بلغم', 'آؤں']),
]);

/** Words after "blood" or "khoon" that make it a test, a measure or a lack, not bleeding: "blood sugar", "khoon ki kami". */
const NOT_BLEEDING_NEXT: ReadonlySet<string> = new Set([
  'test',
  'tests',
  'report',
  'reports',
  'pressure',
  'sugar',
  'group',
  'count',
  'counts',
  'level',
  'levels',
  'thinner',
  'thinners',
  'transfusion',
  'donation',
  'work',
  'kami',
  'کمی',
]);
/** "khoon ki kami", "blood ki report": the word after a linking word decides too. */
const LINKING: ReadonlySet<string> = new Set(['ki', 'ka', 'ke', 'کی', 'کا', 'کے']);

function isBleedingWord(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.norm ?? '';
  if (NOT_BLEEDING_NEXT.has(next)) return false;
  return !(LINKING.has(next) && NOT_BLEEDING_NEXT.has(tokens[i + 2]?.norm ?? ''));
}

export interface PlacedMentions {
  mentions: Mention[];
  /**
   * For each mention, whether it is a complaint word newly read at a place (not a named complaint moved there): such
   * a word said present is kept only when its place is named in the same clause (see `parse`).
   */
  borrowed: boolean[];
  /** For each mention, the clause of the complaint whose place it took, or -1. */
  placeClause: number[];
}

/**
 * The mentions with each bare complaint word read at its place: a word no phrase took becomes the finding at the
 * place of the nearest complaint of its sentence that has one, and a one-word mention of a general finding
 * ("itching", "rash") moves to the finding at that place when there is one. Mentions come back in text order.
 */
export function placeBareWords(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  lexicon: Lexicon,
  clauses: Clauses,
): PlacedMentions {
  const result: Array<{ mention: Mention; borrowed: boolean; placeClause: number }> = mentions.map((mention) => ({
    mention,
    borrowed: false,
    placeClause: -1,
  }));
  const covering = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, k) => {
    covering.fill(k, m.first, m.end);
    // A complaint word a phrase read past ("pain [and swelling] in the knee") is free to be read at the place.
    for (const t of m.shared ?? []) covering[t] = -1;
  });
  const siteOf = (k: number) => lexicon.symptoms[result[k]?.mention.symptom ?? -1]?.site;

  tokens.forEach((token, i) => {
    const quality = QUALITY_WORDS.get(token.norm);
    if (!quality || (quality === 'bleeding' && !isBleedingWord(tokens, i))) return;
    const own = covering[i] ?? -1;
    if (own >= 0) {
      // Only a one-word mention of the general finding of this word moves ("itching" → itchy eyes).
      const m = result[own]?.mention as Mention;
      if (m.end - m.first !== 1 || !lexicon.symptoms[m.symptom]?.qualities?.includes(quality)) return;
    }
    // The nearest complaint with a place that has a finding for this word: "loose motions with cramping pain, no
    // blood" passes the belly (no bleeding there) for the stool.
    const place = placesByDistance(result, i, own, clauses, siteOf).find((k) =>
      lexicon.located.has(`${siteOf(k)}/${quality}`),
    );
    if (place === undefined) return;
    const target = lexicon.located.get(`${siteOf(place)}/${quality}`) as number;
    const placeClause = clauses.clause[result[place]?.mention.first ?? 0] ?? -1;
    if (own >= 0) {
      const entry = result[own] as (typeof result)[number];
      if (entry.mention.symptom !== target) result[own] = { ...entry, mention: { ...entry.mention, symptom: target } };
      return;
    }
    covering[i] = result.length;
    result.push({ mention: { symptom: target, first: i, end: i + 1, skipped: [] }, borrowed: true, placeClause });
  });

  result.sort((a, b) => a.mention.first - b.mention.first);
  return {
    mentions: result.map((r) => r.mention),
    borrowed: result.map((r) => r.borrowed),
    placeClause: result.map((r) => r.placeClause),
  };
}

/** The mentions with a place in token `i`'s sentence, other than `own`, nearest first (the earlier one on a tie). */
function placesByDistance(
  result: ReadonlyArray<{ mention: Mention }>,
  i: number,
  own: number,
  clauses: Clauses,
  siteOf: (k: number) => string | undefined,
): number[] {
  const distance = (m: Mention) => (m.first > i ? m.first - i : i - (m.end - 1));
  const inSentence = (sentence: number | undefined) =>
    result
      .map((r, k) => ({ k, m: r.mention }))
      .filter(({ k, m }) => k !== own && siteOf(k) && clauses.sentence[m.first] === sentence)
      .sort((a, b) => distance(a.m) - distance(b.m) || a.m.first - b.m.first)
      .map(({ k }) => k);
  const sentence = clauses.sentence[i] ?? 0;
  // A sentence that only denies ("Cough for two weeks. No blood.") speaks of the complaints of the sentence before;
  // a word said present there is dropped later, since its place is not in its own clause.
  const here = inSentence(sentence);
  return here.length > 0 ? here : inSentence(sentence - 1);
}
