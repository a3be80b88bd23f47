// The symptom lexicon: every surface form of every symptom as a sequence of word keys, built once from the
// knowledge (names, synonyms, Unani and Urdu terms) plus the built-in lay English and romanised Urdu tables.
import type { BodySite, FindingQuality, SymptomKind } from '@unani/contracts';
import { ancestry } from '../knowledge/hierarchy.ts';
import type { EngineKnowledge } from '../types.ts';
import { buildTranslations, type Translations } from './bilingualWords.ts';
import { compileDescriptions, type DescriptionTable } from './descriptions.ts';
import { DURATION_WORDS } from './duration.ts';
import { compileExaminations, type ExaminationTable } from './examinations.ts';
import { buildFuzzyIndex, type FuzzyIndex, spellingFold } from './fuzzy.ts';
import { inabilityForms } from './inability.ts';
import { LAY_TERMS } from './layLexicon.ts';
import { cueTable } from './negation.ts';
import { FUNCTION_NOUNS } from './normalFunctions.ts';
import { ENGLISH_LOOKALIKES, PROTECTED_WORDS } from './protectedWords.ts';
import { SEVERITY_VOCABULARY } from './severity.ts';
import { normaliseWord, phraseWords, type Token } from './text.ts';
import { URDU_TERMS } from './urduLexicon.ts';
import { verbForms } from './verbForms.ts';
import { reorderings } from './wordOrder.ts';

/** Where a surface form comes from; on an exact tie for the same words the knowledge base's own term wins. */
export const TERM_RANK = { knowledge: 0, urdu: 1, lay: 2 } as const;
type TermRank = (typeof TERM_RANK)[keyof typeof TERM_RANK];

/** Articles and possessives skipped inside a phrase, so "pain in my chest" matches "pain in chest". */
export const FILLER_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'my', 'his', 'her', 'their', 'your']);

/** A one-word Latin term shorter than this is too ambiguous to look for in free text ("na", "pt"). */
const MIN_SINGLE_WORD_TERM = 3;

export interface LexiconPhrase {
  /** Word keys, fillers removed. */
  keys: readonly string[];
  /** Each word's spelling fold (see `spellingFold`), or undefined: what a romanised-Urdu respelling also matches. */
  folds: ReadonlyArray<string | undefined>;
  /** Each word's English meanings when it is a romanised-Urdu word of the translation table (see bilingualWords.ts). */
  meanings: ReadonlyArray<ReadonlySet<string> | undefined>;
  /** Index into `Lexicon.symptoms`. */
  symptom: number;
  rank: TermRank;
}

/** Everything `parse` needs, precomputed: phrases by first key, the set of known keys, and the typo index. */
export interface Lexicon {
  readonly symptoms: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly kind: SymptomKind;
    readonly site?: BodySite;
    readonly qualities?: readonly FindingQuality[];
  }>;
  /** "site/quality" → the symptom that is that complaint word at that place ("anus/bleeding" → rectal bleeding). */
  readonly located: ReadonlyMap<string, number>;
  /** First key → phrases starting with it, longest first. */
  readonly phrases: ReadonlyMap<string, readonly LexiconPhrase[]>;
  /**
   * First word's spelling fold → first key → the phrases of two words or more starting with it, longest first. Grouped
   * by key so a word skips the group of its own key, which `phrases` already gave it.
   */
  readonly phrasesByFold: ReadonlyMap<string, ReadonlyMap<string, readonly LexiconPhrase[]>>;
  /** Romanised-Urdu words (by fold) → the keys of the English words they mean, for code-switched phrases. */
  readonly translations: Translations;
  /** The translations of places and times, which may also start a phrase ("pet pain"). */
  readonly startTranslations: Translations;
  /** Every key of every phrase: a word with such a key is known and never corrected. */
  readonly keys: ReadonlySet<string>;
  readonly fuzzy: FuzzyIndex;
  /** Complaints described in words of several slots (see descriptions.ts). */
  readonly descriptions: DescriptionTable;
  /** The qualities of the pulse, urine and stool examinations, read after their heading (see examinations.ts). */
  readonly examinations: ExaminationTable;
  /** Function nouns ("saans", "appetite") → the complaint denied when the function is said normal. */
  readonly functions: ReadonlyMap<string, number>;
  /** Each symptom's general findings (parents, transitively), by index. */
  readonly ancestors: ReadonlyArray<ReadonlySet<number>>;
  /** Each symptom's words: the keys of all its wordings, by index. */
  readonly wordsOf: ReadonlyArray<ReadonlySet<string>>;
}

/** The words of a term that a phrase is matched on: fillers dropped. */
function termWords(term: string): Token[] {
  return phraseWords(term).filter((t) => !FILLER_WORDS.has(t.norm));
}

/** A term's words as one string of keys: what two spellings of the same name ("skin_rash", "Skin rash") share. */
function signatureOf(words: readonly Token[]): string {
  return words.map((t) => t.key).join(' ');
}

/** Each symptom's general findings (parents, transitively), by index. */
function ancestorsByIndex(knowledge: EngineKnowledge): ReadonlyArray<ReadonlySet<number>> {
  const up = ancestry(knowledge);
  const indexOf = new Map(knowledge.symptoms.map((s, i) => [s.code, i]));
  return knowledge.symptoms.map((s) => new Set((up.get(s.code) ?? []).flatMap((code) => indexOf.get(code) ?? [])));
}

/**
 * Builds the lexicon for `knowledge`. A lay or Urdu table entry joins every symptom whose name or term equals
 * its key (compared word by word on stems), so "vomiting" lay words reach a symptom named "Vomiting" or "vomiting".
 */
export function buildLexicon(knowledge: EngineKnowledge): Lexicon {
  const symptoms = knowledge.symptoms.map((s) => ({
    code: s.code,
    name: s.name,
    kind: s.kind,
    ...(s.site ? { site: s.site } : {}),
    ...(s.qualities ? { qualities: s.qualities } : {}),
  }));
  const located = new Map<string, number>();
  symptoms.forEach((s, index) => {
    for (const quality of s.qualities ?? []) if (s.site) located.set(`${s.site}/${quality}`, index);
  });
  const phraseBySignature = new Map<string, LexiconPhrase>();
  const { all: translations, starts: startTranslations } = buildTranslations();
  const words = new Map<string, string>();

  const add = (tokens: readonly Token[], symptom: number, rank: TermRank) => {
    if (!addPhrase(tokens, symptom, rank)) return;
    // Only words as written are typo targets: a stem ("centr") is not a word anyone meant to type, and the linking
    // verbs of a reordered term ("eyes are yellow") are not symptom words.
    for (const t of tokens) words.set(t.norm, t.key);
    for (const order of reorderings(tokens)) addPhrase(order, symptom, rank);
    // Conjugated forms are not typo targets: "dukhta" is read as written or not at all.
    for (const form of verbForms(tokens)) addPhrase(form, symptom, rank);
    for (const form of inabilityForms(tokens)) addPhrase(form, symptom, rank);
  };
  /** Adds one word sequence; false when it is too short to look for. */
  const addPhrase = (tokens: readonly Token[], symptom: number, rank: TermRank): boolean => {
    const [only] = tokens;
    if (tokens.length === 0) return false;
    if (tokens.length === 1 && only && /^[a-z]+$/.test(only.norm) && only.norm.length < MIN_SINGLE_WORD_TERM) {
      return false;
    }
    const keys = tokens.map((t) => t.key);
    const folds = tokens.map((t) => spellingFold(t.norm));
    const meanings = folds.map((f) => (f === undefined ? undefined : translations.get(f)));
    const signature = `${symptom}\u0000${signatureOf(tokens)}`;
    const existing = phraseBySignature.get(signature);
    if (!existing || existing.rank > rank) phraseBySignature.set(signature, { keys, folds, meanings, symptom, rank });
    return true;
  };

  const symptomsBySignature = new Map<string, number[]>();
  knowledge.symptoms.forEach((s, index) => {
    for (const term of new Set([s.name, ...s.terms])) {
      const tokens = termWords(term);
      add(tokens, index, TERM_RANK.knowledge);
      const list = symptomsBySignature.get(signatureOf(tokens)) ?? [];
      if (!list.includes(index)) list.push(index);
      symptomsBySignature.set(signatureOf(tokens), list);
    }
  });
  const attach = (table: Readonly<Record<string, readonly string[]>>, rank: TermRank) => {
    for (const [concept, terms] of Object.entries(table)) {
      for (const index of symptomsBySignature.get(signatureOf(termWords(concept))) ?? []) {
        for (const term of terms) add(termWords(term), index, rank);
      }
    }
  };
  attach(URDU_TERMS, TERM_RANK.urdu);
  attach(LAY_TERMS, TERM_RANK.lay);
  const functions = new Map<string, number>();
  for (const [concept, nouns] of Object.entries(FUNCTION_NOUNS)) {
    const [index] = symptomsBySignature.get(signatureOf(termWords(concept))) ?? [];
    if (index !== undefined) for (const noun of nouns) functions.set(normaliseWord(noun), index);
  }

  const phrases = new Map<string, LexiconPhrase[]>();
  const phrasesByFold = new Map<string, Map<string, LexiconPhrase[]>>();
  const keys = new Set<string>();
  const file = (index: Map<string, LexiconPhrase[]>, first: string, phrase: LexiconPhrase) => {
    const list = index.get(first) ?? [];
    list.push(phrase);
    index.set(first, list);
  };
  const wordsOf = symptoms.map(() => new Set<string>());
  for (const phrase of phraseBySignature.values()) {
    for (const k of phrase.keys) wordsOf[phrase.symptom]?.add(k);
    file(phrases, phrase.keys[0] as string, phrase);
    // A one-word phrase is not found by its fold: alone, "had" (a limit) is not "haad" (acute).
    const fold = phrase.folds[0];
    if (phrase.keys.length > 1 && fold !== undefined) {
      const byKey = phrasesByFold.get(fold) ?? new Map<string, LexiconPhrase[]>();
      phrasesByFold.set(fold, byKey);
      file(byKey, phrase.keys[0] as string, phrase);
    }
    for (const k of phrase.keys) keys.add(k);
  }
  for (const list of [...phrases.values(), ...[...phrasesByFold.values()].flatMap((m) => [...m.values()])]) {
    list.sort((a, b) => b.keys.length - a.keys.length || a.rank - b.rank || a.symptom - b.symptom);
  }
  const ancestors = ancestorsByIndex(knowledge);
  const descriptions = compileDescriptions(knowledge, (phrase) => termWords(phrase).map((t) => t.key), ancestors);
  // Words of a description are known words: never "corrected" into another symptom.
  for (const d of descriptions.descriptions)
    for (const slot of d.slots) for (const words of slot) for (const k of words) keys.add(k);
  const protectedWords = new Set([
    ...PROTECTED_WORDS,
    ...ENGLISH_LOOKALIKES,
    ...cueTable.words,
    ...DURATION_WORDS,
    ...SEVERITY_VOCABULARY,
  ]);
  return {
    symptoms,
    located,
    phrases,
    phrasesByFold,
    translations,
    startTranslations,
    keys,
    fuzzy: buildFuzzyIndex(words, protectedWords),
    descriptions,
    examinations: compileExaminations(knowledge),
    functions,
    ancestors,
    wordsOf,
  };
}
