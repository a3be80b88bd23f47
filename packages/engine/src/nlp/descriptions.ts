// Complaints described rather than named: "can't lift her left arm", "seene mein dabao", "بچے کی حرکت محسوس نہیں".
// A description is a few slots of alternative words ([arm, leg, baazu…] × [weak, can't lift, jaan nahi…]); it
// finds its symptom when one alternative of every slot occurs, in any order, within a short stretch of a sentence.
// A description of a more specific finding may read words a named complaint already holds when that complaint is
// one of its general parents ("bukhar, har doosre din" is fever every other day, not fever and a stray phrase).
import type { EngineKnowledge } from '../types.ts';
import { clausesOf, endsClause } from './clauses.ts';
import { FILLER_WORDS } from './lexicon.ts';
import { isRegionOf, type Mention } from './mentions.ts';
import type { Token } from './text.ts';
import { conjugations } from './verbForms.ts';

/**
 * A denial between the words of a description breaks it: "loose stools, no blood" is no bloody stool. Words that
 * belong to a slot ("jaan nahi") are not counted.
 */
const DENIALS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'non',
  'nil',
  'never',
  'without',
  'denies',
  'nahi',
  'nahin',
  'na',
  'bina',
  'نہیں',
  'نہ',
  'بغیر',
]);

/**
 * Words around a one-word slot that say it relieves the complaint: "chest pain, relieved by rest" and "rest karne se
 * theek ho jata hai" are pain on exertion, not pain at rest. Such a word is no circumstance for a description; a
 * description that wants the relief names it in its slot ("relieved by rest").
 */
const RELIEF_BEFORE: ReadonlyArray<readonly string[]> = [
  ['relieved', 'by'],
  ['relieved', 'with'],
  ['better', 'with'],
  ['better', 'on'],
  ['eased', 'by'],
  ['eases', 'with'],
  ['settles', 'with'],
  ['improves', 'with'],
  ['relief', 'with'],
  ['relief', 'on'],
  ['away', 'with'],
  ['away', 'when', 'i'],
  ['away', 'if', 'i'],
  ['off', 'when', 'i'],
];
const RELIEF_AFTER: ReadonlyArray<readonly string[]> = [
  ['karne', 'se', 'theek'],
  ['karne', 'se', 'thik'],
  ['karne', 'se', 'aaram'],
  ['karne', 'se', 'araam'],
  ['karne', 'pe', 'theek'],
  ['karne', 'par', 'theek'],
  ['se', 'theek'],
  ['se', 'thik'],
  ['کرنے', 'سے', 'ٹھیک'],
  ['سے', 'ٹھیک'],
];

function saysRelief(tokens: readonly Token[], i: number): boolean {
  const at = (k: number) => tokens[k]?.norm;
  const before = RELIEF_BEFORE.some((words) => words.every((w, k) => at(i - words.length + k) === w));
  return before || RELIEF_AFTER.some((words) => words.every((w, k) => at(i + 1 + k) === w));
}

/** The words of one description may spread over this many tokens at most: a phrase, not a paragraph. */
export const DESCRIPTION_WINDOW = 10;

interface CompiledDescription {
  symptom: number;
  /** Each slot: its alternatives as key sequences. */
  slots: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  /** The symptom's general parents (transitively): their named mentions may lend it their words. */
  refines: ReadonlySet<number>;
}

/** One alternative of one slot, indexed by its first word so a note is scanned once, not once per description. */
interface Alternative {
  description: number;
  slot: number;
  keys: readonly string[];
}

export interface DescriptionTable {
  readonly descriptions: readonly CompiledDescription[];
  readonly byFirstKey: ReadonlyMap<string, readonly Alternative[]>;
}

/**
 * The descriptions of every symptom, compiled to word keys with `keysOf` (the lexicon's own word reading);
 * `ancestors` are each symptom's general findings by index, whose named mentions may lend it their words.
 */
export function compileDescriptions(
  knowledge: EngineKnowledge,
  keysOf: (phrase: string) => string[],
  ancestors: ReadonlyArray<ReadonlySet<number>>,
): DescriptionTable {
  const descriptions: CompiledDescription[] = [];
  knowledge.symptoms.forEach((s, symptom) => {
    const refines = ancestors[symptom] ?? new Set<number>();
    for (const description of s.describedAs ?? []) {
      const slots = description.map((alternatives) =>
        [...new Set(alternatives.flatMap((a) => [a, ...conjugations(a)]))]
          .map(keysOf)
          .filter((keys) => keys.length > 0),
      );
      if (slots.length > 1 && slots.every((slot) => slot.length > 0)) descriptions.push({ symptom, slots, refines });
    }
  });
  const byFirstKey = new Map<string, Alternative[]>();
  for (const [description, d] of descriptions.entries()) {
    for (const [slot, alternatives] of d.slots.entries()) {
      for (const keys of alternatives) {
        const first = keys[0] as string;
        const list = byFirstKey.get(first) ?? [];
        list.push({ description, slot, keys });
        byFirstKey.set(first, list);
      }
    }
  }
  return { descriptions, byFirstKey };
}

/**
 * Where each slot of each description occurs: [first, end) token ranges on tokens free for that description (no
 * named mention holds them, or one of a parent of its symptom does).
 */
function occurrences(
  tokens: readonly Token[],
  keys: ReadonlyArray<string | undefined>,
  free: (i: number, d: CompiledDescription) => boolean,
  table: DescriptionTable,
) {
  // A word's key as the lexicon reads it: typos corrected ("aankhein" → "aankhen"), else the word itself.
  const keyAt = (i: number) => keys[i] ?? tokens[i]?.key;
  const found = new Map<number, Array<Array<[number, number]>>>();
  for (let i = 0; i < tokens.length; i++) {
    const alternatives = table.byFirstKey.get(keyAt(i) ?? '');
    if (!alternatives) continue;
    // "The back of the thigh" is the thigh, and "relieved by rest" no rest: such a word fills no one-word slot.
    const notItself = isRegionOf(tokens, i) || saysRelief(tokens, i);
    for (const alt of alternatives) {
      if (notItself && alt.keys.length === 1) continue;
      const d = table.descriptions[alt.description] as CompiledDescription;
      let ok = free(i, d);
      // Filler words inside an alternative are read past, as in a phrase: "twice a week" is [twice, week].
      let j = i + 1;
      for (let k = 1; k < alt.keys.length && ok; k++, j++) {
        while (FILLER_WORDS.has(tokens[j]?.norm ?? '') && keyAt(j) !== alt.keys[k]) j++;
        ok = free(j, d) && keyAt(j) === alt.keys[k];
      }
      if (!ok) continue;
      let slots = found.get(alt.description);
      if (!slots) {
        slots = (table.descriptions[alt.description] as CompiledDescription).slots.map(() => []);
        found.set(alt.description, slots);
      }
      slots[alt.slot]?.push([i, j]);
    }
  }
  return found;
}

interface Stretch {
  first: number;
  end: number;
  words: Set<number>;
  crosses: boolean;
}

/** Prefers a stretch within one clause, then the shorter. */
function tighter(a: Stretch, b: Stretch): boolean {
  if (a.crosses !== b.crosses) return !a.crosses;
  return a.end - a.first < b.end - b.first;
}

/**
 * Whether a stretch makes a named complaint more specific with words from another clause that already has its own
 * complaint: in "joron mein dard, haath ki ungliyan sooj gayi" the hand is where the swelling is, not the joint pain.
 * Words from a clause with no complaint of its own still refine it: "bukhar, har doosre din" is a fever every other day.
 */
function refinesAcrossAnotherComplaint(stretch: Stretch, clause: Int32Array, free: (i: number) => boolean): boolean {
  const borrowedClauses = new Set<number>();
  const freeClauses = new Set<number>();
  for (const t of stretch.words) (free(t) ? freeClauses : borrowedClauses).add(clause[t] ?? -1);
  if (borrowedClauses.size === 0) return false;
  const elsewhere = [...freeClauses].filter((c) => !borrowedClauses.has(c));
  if (elsewhere.length === 0) return false;
  return clause.some((c, i) => elsewhere.includes(c) && !free(i));
}

/**
 * Whether a stretch across clauses passes over a clause that holds none of its words but a complaint of its own:
 * "cramps on the first days of her periods, back pain, nausea, misses school" holds no missed period, while in
 * "feet mein numbness hai, wound koi nahi" the feet carry over to the wound.
 */
function passesAnotherStatement(
  first: number,
  end: number,
  words: ReadonlySet<number>,
  clause: Int32Array,
  free: (i: number) => boolean,
): boolean {
  const own = new Set([...words].map((t) => clause[t]));
  for (let t = first; t < end; t++) if (!own.has(clause[t]) && !free(t)) return true;
  return false;
}

/** A described mention, with the tokens it took over from named mentions of its parents (those give way to it). */
export interface DescribedMention extends Mention {
  borrowed: readonly number[];
}

/**
 * Mentions found by descriptions, for symptoms not already mentioned: for each description, the tightest stretch
 * holding one occurrence of every slot within `DESCRIPTION_WINDOW` tokens and one sentence. Its words lie on tokens
 * no named mention holds, or one of a parent of its symptom holds (`owner`: the named symptom at each token, or -1).
 */
export function findDescribedMentions(
  tokens: readonly Token[],
  keys: ReadonlyArray<string | undefined>,
  table: DescriptionTable,
  owner: Int32Array,
  mentioned: ReadonlySet<number>,
): DescribedMention[] {
  const { clause, sentence } = clausesOf(tokens);
  const free = (i: number) => i < tokens.length && owner[i] === -1;
  const freeFor = (i: number, d: CompiledDescription) =>
    free(i) || (i < tokens.length && d.refines.has(owner[i] ?? -1));
  const found: DescribedMention[] = [];
  const seen = new Set(mentioned);
  for (const [index, perSlot] of occurrences(tokens, keys, freeFor, table)) {
    const description = table.descriptions[index] as CompiledDescription;
    if (seen.has(description.symptom)) continue;
    if (perSlot.some((o) => o.length === 0)) continue;
    // Anchor on each occurrence of the first slot; take the nearest occurrence of every other slot.
    let best: Stretch | undefined;
    for (const [a0, a1] of perSlot[0] ?? []) {
      let first = a0;
      let end = a1;
      const words = new Set<number>();
      for (let t = a0; t < a1; t++) words.add(t);
      let ok = true;
      for (const others of perSlot.slice(1)) {
        const near = others
          .filter(([b0]) => sentence[b0] === sentence[a0])
          .sort((x, y) => Math.abs(x[0] - a0) - Math.abs(y[0] - a0))[0];
        if (!near) {
          ok = false;
          break;
        }
        first = Math.min(first, near[0]);
        end = Math.max(end, near[1]);
        for (let t = near[0]; t < near[1]; t++) words.add(t);
      }
      let denied = false;
      let crosses = false;
      for (let t = first; t < end && !denied; t++) {
        denied = !words.has(t) && DENIALS.has(tokens[t]?.norm ?? '');
        crosses ||= !words.has(t) && endsClause(tokens[t] as Token);
      }
      if (crosses && passesAnotherStatement(first, end, words, clause, (t) => freeFor(t, description))) continue;
      // A stretch inside one clause beats a shorter one across a comma: "kuttay ne kaata, kharonch" reads the bite
      // from its own clause, not from "kharonch …, kuttay ki vaccine" that straddles two statements.
      const candidate = { first, end, words, crosses };
      if (ok && !denied && end - first <= DESCRIPTION_WINDOW && (!best || tighter(candidate, best))) best = candidate;
    }
    if (!best) continue;
    if (refinesAcrossAnotherComplaint(best, clause, free)) continue;
    // Free words between the description's words stay free for the duration and severity readers ("seene mein tez dabao").
    const skipped: number[] = [];
    for (let t = best.first; t < best.end; t++) if (!best.words.has(t) && free(t)) skipped.push(t);
    const borrowed = [...best.words].filter((t) => !free(t)).sort((a, b) => a - b);
    found.push({ symptom: description.symptom, first: best.first, end: best.end, skipped, borrowed });
    seen.add(description.symptom);
  }
  return found;
}
