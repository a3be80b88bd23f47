// Complaints said in another order than the knowledge base writes them. Body part first ("eyes yellow", "urine dark
// like tea", "ankles swollen"): a two-word term whose first word describes the second ("yellow eyes") also names its
// complaint in the reversed order, alone or with a linking verb ("eyes are yellow", "eyes look yellow"). Complaint
// first ("pain in the knee", "swelling of the ankle", "discharge from the ear"): a term that ends in a complaint noun
// after its place ("knee pain") also names it as the complaint, a preposition and the place.
import { phraseWords, type Token } from './text.ts';

/**
 * Words that describe what follows them in a complaint. Only these are reversed: "chest pain" and "neck stiffness"
 * already read body part first, and reversing a noun pair ("nose bleed") would make nonsense.
 */
const DESCRIPTORS: ReadonlySet<string> = new Set([
  ...['yellow', 'red', 'dark', 'pale', 'white', 'black', 'blue', 'swollen', 'puffy', 'dry', 'itchy', 'watery'],
  ...['runny', 'blocked', 'stuffy', 'sore', 'stiff', 'painful', 'weak', 'numb', 'heavy', 'blurred', 'blurry'],
  ...[
    'loose',
    'hard',
    'bloody',
    'sunken',
    'cold',
    'hoarse',
    'frequent',
    'irregular',
    'scanty',
    'cloudy',
    'smelly',
    'gritty',
  ],
]);

/** Verbs that may stand between the body part and its description. */
const LINKS: readonly string[] = [
  'is',
  'are',
  'was',
  'were',
  'look',
  'looks',
  'looked',
  'feel',
  'feels',
  'became',
  'turned',
];

const linkTokens = LINKS.map((w) => phraseWords(w));

/** Nouns that name a complaint and follow their place in a term: "knee pain", "ankle swelling", "ear discharge". */
const COMPLAINT_NOUNS: ReadonlySet<string> = new Set([
  ...['pain', 'pains', 'ache', 'aches', 'swelling', 'stiffness', 'bleeding', 'discharge', 'itching', 'itch'],
  ...['redness', 'cramp', 'cramps', 'rash', 'tenderness', 'numbness', 'tingling', 'weakness', 'burning', 'lump'],
]);

/**
 * The prepositions that join a complaint to its place: "pain in", "swelling of", "rash on", "discharge from". A
 * complaint-first phrase holds the key `PLACE_LINK` where they stand and matches any of them (see `mentions.ts`), so
 * one phrase serves all; a phrase the knowledge base writes ("burning in chest") keeps its own preposition.
 */
export const PLACE_LINKS: ReadonlySet<string> = new Set(['in', 'of', 'on', 'at', 'over', 'around', 'from']);
export const PLACE_LINK = '\u0001place-link';

/** "knee pain" → "pain in knee" (fillers such as "the" and "my" are skipped when matching). */
function complaintFirst(words: readonly Token[]): Token[][] {
  const complaint = words[words.length - 1] as Token;
  const place = words.slice(0, -1);
  if (!COMPLAINT_NOUNS.has(complaint.norm)) return [];
  if (!place.every((w) => /^[a-z]+$/.test(w.norm) && !COMPLAINT_NOUNS.has(w.norm) && !DESCRIPTORS.has(w.norm))) {
    return [];
  }
  const link = phraseWords('in').map((t) => ({ ...t, key: PLACE_LINK }));
  return [[complaint, ...link, ...place]];
}

/**
 * The other word orders of a term's words (fillers already removed): for a descriptor and what it describes,
 * "noun descriptor" and "noun link descriptor"; for a place and its complaint noun (two or three words), the
 * complaint, a preposition and the place; for any other term, none.
 */
export function reorderings(words: readonly Token[]): Token[][] {
  if (words.length === 3) return complaintFirst(words);
  if (words.length !== 2) return [];
  const placeFirst = complaintFirst(words);
  if (placeFirst.length > 0) return placeFirst;
  const [descriptor, noun] = words as [Token, Token];
  if (!DESCRIPTORS.has(descriptor.norm) || DESCRIPTORS.has(noun.norm) || !/^[a-z]+$/.test(noun.norm)) return [];
  return [[noun, descriptor], ...linkTokens.map((link) => [noun, ...link, descriptor])];
}
