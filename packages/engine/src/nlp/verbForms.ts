// Urdu complaints end in a verb the knowledge base writes in its infinitive ("jee machalna", "ghutna dukhna"), while a
// note conjugates it: "jee machal raha hai", "ghutna dukhta hai", "dukhne laga". A term of two or more words that ends
// in a romanised infinitive also names its complaint with the verb's stem and its common forms; the helper verbs
// after them ("raha hai", "laga") are left unread. A description's one-word verb takes its forms the same way.
import { phraseWords, type Token } from './text.ts';

/** A romanised infinitive: a stem of at least three letters and "na". */
const INFINITIVE = /^([a-z]{3,})na$/;

/** What a stem takes in a note: bare before "raha"/"gaya", habitual "-ta/-ti/-te", oblique "-ne". */
const ENDINGS = ['', 'ta', 'ti', 'te', 'ne'] as const;

/**
 * The forms of a one-word verb in a description's slot: an infinitive's stem and forms ("soojna" → "sooj", "soojta",
 * …), or a bare stem's ("sooj" → "soojna", "soojne", "soojta", …), so "paon soojne lage" is described as swollen
 * feet. Words that end in a vowel are left alone: "sooje", "dukhi" are already forms.
 */
export function conjugations(word: string): string[] {
  const stem = INFINITIVE.exec(word)?.[1] ?? (/^[a-z]{3,}$/.test(word) && /[^aeiouy]$/.test(word) ? word : undefined);
  if (stem === undefined) return [];
  return [...ENDINGS, 'na'].map((ending) => stem + ending).filter((form) => form !== word);
}

/** The other forms of a term ending in an infinitive ("jee machalna" → "jee machal", "jee machalta", …), or none. */
export function verbForms(words: readonly Token[]): Token[][] {
  if (words.length < 2) return [];
  const last = words[words.length - 1] as Token;
  const stem = INFINITIVE.exec(last.norm)?.[1];
  if (stem === undefined) return [];
  const before = words.slice(0, -1);
  return ENDINGS.map((ending) => [...before, ...phraseWords(stem + ending)]);
}
