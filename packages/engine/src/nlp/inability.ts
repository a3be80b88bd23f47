// "Unable to pass urine" is also "hasn't been able to pass urine", "couldn't pass urine", "not able to pass urine":
// a wording is written with one way of saying inability, and the lexicon reads it with every other.
import { phraseWords, type Token } from './text.ts';

const OPENERS: readonly string[] = [
  'unable to',
  'not able to',
  "can't",
  'cant',
  'cannot',
  "couldn't",
  'couldnt',
  'could not',
  "hasn't been able to",
  'hasnt been able to',
  'has not been able to',
  "haven't been able to",
  'havent been able to',
  'have not been able to',
  "wasn't able to",
  'was not able to',
  'is not able to',
  "isn't able to",
];

const openerWords = OPENERS.map((o) => phraseWords(o));

/** The wording with each other opener in place of the one it starts with; none when it starts with none. */
export function inabilityForms(words: readonly Token[]): Token[][] {
  const own = openerWords.find((o) => o.length < words.length && o.every((w, k) => words[k]?.norm === w.norm));
  if (!own) return [];
  const rest = words.slice(own.length);
  return openerWords.filter((o) => o !== own).map((o) => [...o, ...rest]);
}
