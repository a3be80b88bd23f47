// The Unani examination is written as a heading and its qualities: "Nabz: saree & mutawatir, sulb", "nabaz zaeef o
// sagheer, mutafawit", "Baul: ghaleez, muntin", "Pulse layyin aur mauji". Only the first quality carries the heading's
// word, so the others were not read. After a heading (pulse, urine, stool), a quality of that examination is read as
// its finding until the sentence ends, another complaint is named, or another heading begins.
import type { SymptomKind } from '@unani/contracts';
import type { EngineKnowledge } from '../types.ts';
import { endsSentence } from './clauses.ts';
import { spellingFold } from './fuzzy.ts';
import type { Mention } from './mentions.ts';
import { phraseWords, type Token } from './text.ts';

type Examination = Extract<SymptomKind, 'nabz' | 'baul' | 'baraz'>;

/** The words a note heads each examination with, in Unani terms, English, romanised Urdu and Urdu script. */
const HEADINGS: Readonly<Record<Examination, readonly string[]>> = {
  nabz: ['nabz', 'nabaz', 'nabd', 'pulse', 'نبض'],
  baul: ['baul', 'qarura', 'qaroora', 'qarora', 'urine', 'peshab', 'pishab', 'بول', 'قارورہ', 'پیشاب'],
  baraz: ['baraz', 'stool', 'stools', 'pakhana', 'paakhana', 'براز', 'پاخانہ'],
};

/** Words between a heading and its quality in a term's name: "Nabz-e-Tawil", "nabz ki raftar". */
const LINKS: ReadonlySet<string> = new Set(['e', 'i', 'ka', 'ki', 'ke']);

interface Quality {
  symptom: number;
  /** The quality's words, compared on their spelling folds (Latin) or as written. */
  words: readonly string[];
}

export interface ExaminationTable {
  /** A word's fold → the examination it heads. */
  readonly headings: ReadonlyMap<string, Examination>;
  /** Per examination, its qualities by their first word's fold, longest first. */
  readonly qualities: ReadonlyMap<Examination, ReadonlyMap<string, readonly Quality[]>>;
}

const foldOf = (norm: string) => spellingFold(norm) ?? norm;

function isExamination(kind: SymptomKind): kind is Examination {
  return kind === 'nabz' || kind === 'baul' || kind === 'baraz';
}

/** The qualities of every examination finding: each term's words besides its heading ("Nabz Zaeef" → "zaeef"). */
export function compileExaminations(knowledge: EngineKnowledge): ExaminationTable {
  const headings = new Map<string, Examination>();
  for (const [kind, words] of Object.entries(HEADINGS) as Array<[Examination, readonly string[]]>) {
    for (const w of words) headings.set(foldOf(w), kind);
  }
  const qualities = new Map<Examination, Map<string, Quality[]>>();
  knowledge.symptoms.forEach((s, symptom) => {
    if (!isExamination(s.kind)) return;
    const byFirst = qualities.get(s.kind) ?? new Map<string, Quality[]>();
    qualities.set(s.kind, byFirst);
    for (const term of new Set([s.name, ...s.terms])) {
      const words = phraseWords(term).map((t) => foldOf(t.norm));
      // The quality is what the term says besides its heading, before it ("weak pulse") or after ("Nabz-e-Zaif").
      const at = words.findIndex((w) => headings.get(w) === s.kind);
      if (at !== 0 && at !== words.length - 1) continue;
      let rest = at === 0 ? words.slice(1) : words.slice(0, -1);
      while (rest.length > 0 && LINKS.has(rest[0] as string)) rest = rest.slice(1);
      while (rest.length > 0 && LINKS.has(rest[rest.length - 1] as string)) rest = rest.slice(0, -1);
      if (rest.length === 0 || rest.length > 3) continue;
      const list = byFirst.get(rest[0] as string) ?? [];
      if (!list.some((q) => q.symptom === symptom && q.words.join(' ') === rest.join(' '))) {
        list.push({ symptom, words: rest });
      }
      byFirst.set(rest[0] as string, list);
    }
  });
  for (const byFirst of qualities.values())
    for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { headings, qualities };
}

/**
 * Mentions of the qualities listed after an examination's heading, on tokens no other mention holds or held by a
 * one-word complaint that is such a quality. `taken` is the symptom each token was read as (-1 when free); `symptoms`
 * gives each symptom's kind.
 */
export function findExaminationMentions(
  tokens: readonly Token[],
  table: ExaminationTable,
  taken: Int32Array,
  symptoms: ReadonlyArray<{ readonly kind: SymptomKind }>,
): Mention[] {
  const found: Mention[] = [];
  const seen = new Set<number>();
  let current: Examination | undefined;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const owner = taken[i] ?? -1;
    if (owner >= 0) {
      let end = i + 1;
      while (end < tokens.length && taken[end] === owner) end++;
      // A one-word complaint that is also a quality of the examination under way is that quality: "Pulse: rapid,
      // weak" is a weak pulse, not weakness. The caller drops the complaint.
      const quality = current === undefined ? undefined : qualityAt(tokens, i, table.qualities.get(current));
      if (quality && end - i === 1 && quality.words.length === 1 && !seen.has(quality.symptom)) {
        found.push({ symptom: quality.symptom, first: i, end, skipped: [] });
        seen.add(quality.symptom);
        i = end;
        continue;
      }
      // A finding of an examination keeps its list open ("nabaz zaeef o sagheer"); any other complaint closes it.
      const kind = symptoms[owner]?.kind;
      current = kind !== undefined && isExamination(kind) ? kind : undefined;
      i = end;
      continue;
    }
    if (endsSentence(token)) {
      current = undefined;
      i++;
      continue;
    }
    const fold = foldOf(token.norm);
    const heading = table.headings.get(fold);
    if (heading !== undefined) {
      current = heading;
      i++;
      continue;
    }
    const match = current === undefined ? undefined : qualityAt(tokens, i, table.qualities.get(current), taken);
    if (match && !seen.has(match.symptom)) {
      found.push({ symptom: match.symptom, first: i, end: i + match.words.length, skipped: [] });
      seen.add(match.symptom);
      i += match.words.length;
      continue;
    }
    i++;
  }
  return found;
}

/** The longest quality whose words start at token `i`, on free tokens when `taken` is given. */
function qualityAt(
  tokens: readonly Token[],
  i: number,
  byFirst: ReadonlyMap<string, readonly Quality[]> | undefined,
  taken?: Int32Array,
): Quality | undefined {
  for (const q of byFirst?.get(foldOf(tokens[i]?.norm ?? '')) ?? []) {
    const free = (k: number) => taken === undefined || (taken[i + k] ?? 0) === -1;
    const fits = q.words.every((w, k) => free(k) && foldOf(tokens[i + k]?.norm ?? '') === w);
    if (fits) return q;
  }
  return undefined;
}
