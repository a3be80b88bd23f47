// Symptom extraction from free-text notes: build a lexicon once from the knowledge, then parse notes with it.

export type { Lexicon } from './lexicon.ts';
export { buildLexicon } from './lexicon.ts';
export { respelling } from './mentions.ts';
export { parse } from './parse.ts';
export type { ParserMetrics, SnippetMiss, SnippetOutcome } from './parserMetrics.ts';
export { parserMetrics } from './parserMetrics.ts';
export type { ContextFact, ContextMention, TextContext } from './patientContext.ts';
export { readPatientContext } from './patientContext.ts';
export type { ReadNote } from './readNote.ts';
export { mergeContext, readNote } from './readNote.ts';
