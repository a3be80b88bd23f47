// Sentence and clause boundaries of a note: negation scopes end at them, and durations and severities attach to
// the symptoms of their own clause.
import type { Token } from './text.ts';

/** Ends a sentence: full stop, semicolon, exclamation and question marks (Latin and Urdu), and a new line. */
export const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', ';', '!', '?', '\n', '۔', '؛', '؟']);

/** Ends a clause within a sentence. */
export const CLAUSE_ENDS: ReadonlySet<string> = new Set([',', ':', '،']);

/** Conjunctions that turn to a new statement ("no fever but cough"), in English and Urdu. */
export const CONTRASTIVE_CONJUNCTIONS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'although',
  'though',
  'except',
  'whereas',
  'lekin',
  'magar',
  'par',
  'لیکن',
  'مگر',
  'پر',
]);

export function endsSentence(token: Token): boolean {
  return token.kind !== 'word' && token.kind !== 'number' && SENTENCE_ENDS.has(token.norm);
}

export function endsClause(token: Token): boolean {
  if (token.kind === 'word') return CONTRASTIVE_CONJUNCTIONS.has(token.norm);
  return token.kind !== 'number' && (SENTENCE_ENDS.has(token.norm) || CLAUSE_ENDS.has(token.norm));
}

export interface Clauses {
  /** Clause number of each token; a boundary token belongs to the clause it closes. */
  clause: Int32Array;
  /** Sentence number of each token. */
  sentence: Int32Array;
}

/** Numbers the clauses and sentences of a tokenised note. */
export function clausesOf(tokens: readonly Token[]): Clauses {
  const clause = new Int32Array(tokens.length);
  const sentence = new Int32Array(tokens.length);
  let c = 0;
  let s = 0;
  tokens.forEach((token, i) => {
    clause[i] = c;
    sentence[i] = s;
    if (endsClause(token)) c++;
    if (endsSentence(token)) s++;
  });
  return { clause, sentence };
}
