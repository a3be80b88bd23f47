// Symptom extraction from free-text notes: build a lexicon once from the knowledge, then parse notes with it.

export type { Lexicon } from './lexicon.ts';
export { buildLexicon } from './lexicon.ts';
export { parse } from './parse.ts';
