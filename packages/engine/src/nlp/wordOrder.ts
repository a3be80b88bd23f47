// Complaints said body part first ("eyes yellow", "urine dark like tea", "ankles swollen"): a two-word term whose
// first word describes the second ("yellow eyes") also names its complaint in the reversed order, alone or with a
// linking verb ("eyes are yellow", "eyes look yellow").
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

/**
 * The other word orders of a term's words (fillers already removed): for a descriptor and what it describes,
 * "noun descriptor" and "noun link descriptor"; for any other term, none.
 */
export function reorderings(words: readonly Token[]): Token[][] {
  if (words.length !== 2) return [];
  const [descriptor, noun] = words as [Token, Token];
  if (!DESCRIPTORS.has(descriptor.norm) || DESCRIPTORS.has(noun.norm) || !/^[a-z]+$/.test(noun.norm)) return [];
  return [[noun, descriptor], ...linkTokens.map((link) => [noun, ...link, descriptor])];
}
