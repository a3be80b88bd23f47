// A lookup of short fixed phrases (negation cues, severity words, relative times) over token norms, longest first.
import { type Token, tokenize } from './text.ts';

interface Entry<T> {
  words: readonly string[];
  value: T;
}

export interface PhraseTable<T> {
  /** First word → entries starting with it, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly Entry<T>[]>;
  /** Every word of every phrase, so the fuzzy matcher never bends them into symptom names. */
  readonly words: ReadonlySet<string>;
}

/** Builds a table from phrases written as text; they are tokenised like notes, so "c/o" is "c", "/", "o". */
export function phraseTable<T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> {
  const byFirst = new Map<string, Entry<T>[]>();
  const words = new Set<string>();
  for (const [phrase, value] of entries) {
    const norms = tokenize(phrase)
      .filter((t) => t.kind !== 'break')
      .map((t) => t.norm);
    const first = norms[0];
    if (first === undefined) continue;
    for (const w of norms) words.add(w);
    const list = byFirst.get(first) ?? [];
    list.push({ words: norms, value });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, words };
}

export interface PhraseMatch<T> {
  value: T;
  /** Token index one past the phrase. */
  end: number;
}

/**
 * The longest phrase of `table` starting at token `i`, using only tokens for which `usable(index)` holds
 * (tokens already read as symptoms are not cues).
 */
export function matchPhrase<T>(
  table: PhraseTable<T>,
  tokens: readonly Token[],
  i: number,
  usable: (index: number) => boolean,
): PhraseMatch<T> | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  const candidates = table.byFirst.get(first.norm);
  if (!candidates) return undefined;
  for (const entry of candidates) {
    let k = 0;
    while (k < entry.words.length) {
      const token = tokens[i + k];
      if (!token || !usable(i + k) || token.norm !== entry.words[k]) break;
      k++;
    }
    if (k === entry.words.length) return { value: entry.value, end: i + k };
  }
  return undefined;
}
