// Clinic notes give a complaint's character after it, clause by clause: "Headache x6mo, unilateral, throbbing",
// "cough, productive", "pain abdomen, colicky". A clause that names no complaint of its own and holds only a few words
// is read as such an attribute list when each of its words (or pairs) starts a wording of a more specific finding of
// the complaint before it ("throbbing headache"): each is read as that finding, on the attribute's own words.
import type { Clauses } from './clauses.ts';
import type { Lexicon, LexiconPhrase } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import type { Token } from './text.ts';

/** More words than this and the clause is a statement of its own, not a list of attributes. */
const MAX_ATTRIBUTE_WORDS = 3;

/** Words that join attributes ("unilateral and throbbing") and are not attributes themselves. */
const JOINING: ReadonlySet<string> = new Set(['and', 'aur', '&', 'with', 'also', 'bhi']);

/** The finding whose wording starts with the words at `i` and refines `complaint`, and how many words it took. */
function refinementAt(
  i: number,
  keys: ReadonlyArray<string | undefined>,
  lexicon: Lexicon,
  complaint: number,
): { phrase: LexiconPhrase; words: number } | undefined {
  const key = keys[i];
  if (key === undefined) return undefined;
  let best: { phrase: LexiconPhrase; words: number } | undefined;
  const complaintWords = lexicon.wordsOf[complaint];
  for (const phrase of lexicon.phrases.get(key) ?? []) {
    if (!lexicon.ancestors[phrase.symptom]?.has(complaint)) continue;
    // Two attribute words when the wording goes on with the next one ("one sided headache").
    const words = phrase.keys.length > 2 && keys[i + 1] === phrase.keys[1] ? 2 : 1;
    // The rest of the wording must be the complaint's own words: "non stop vomiting" is no attribute "non".
    if (!phrase.keys.slice(words).every((k) => complaintWords?.has(k))) continue;
    if (!best || words > best.words) best = { phrase, words };
  }
  return best;
}

/** A finding read from an attribute, with the first token of the complaint it refines (whose duration it shares). */
export interface AttributeMention extends Mention {
  complaintFirst: number;
}

/**
 * Mentions of more specific findings read from attribute clauses. `taken[t]` is the symptom read at token t (-1 when
 * free); `mentions` are those read so far, in text order.
 */
export function findAttributeMentions(
  tokens: readonly Token[],
  keys: ReadonlyArray<string | undefined>,
  lexicon: Lexicon,
  clauses: Clauses,
  mentions: readonly Mention[],
  taken: Int32Array,
): AttributeMention[] {
  const byClause = new Map<number, number[]>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'number') return;
    const c = clauses.clause[i] ?? -1;
    const list = byClause.get(c);
    if (list) list.push(i);
    else byClause.set(c, [i]);
  });
  const complaintOf = new Map<number, Mention>();
  for (const m of mentions) complaintOf.set(clauses.clause[m.first] ?? -1, m);
  const found: AttributeMention[] = [];
  for (const [c, words] of [...byClause].sort((a, b) => a[0] - b[0])) {
    if (complaintOf.has(c) || words.some((t) => taken[t] !== -1)) continue;
    const attributes = words.filter((t) => !JOINING.has(tokens[t]?.norm ?? ''));
    if (attributes.length === 0 || attributes.length > MAX_ATTRIBUTE_WORDS) continue;
    // The complaint of the nearest clause before, in the same sentence, past other attribute lists.
    const sentence = clauses.sentence[words[0] as number];
    let complaint: Mention | undefined;
    for (let n = c - 1; n >= 0 && !complaint; n--) {
      const first = byClause.get(n)?.[0];
      if (first === undefined || clauses.sentence[first] !== sentence) break;
      complaint = complaintOf.get(n);
    }
    if (!complaint) continue;
    // Every word must be such an attribute: "blood sugar 140" or "non-bilious" says something else.
    const read: AttributeMention[] = [];
    for (let k = 0; k < attributes.length; k++) {
      const t = attributes[k] as number;
      const refined = refinementAt(t, keys, lexicon, complaint.symptom);
      if (!refined || (refined.words === 2 && attributes[k + 1] !== t + 1)) break;
      read.push({
        symptom: refined.phrase.symptom,
        first: t,
        end: t + refined.words,
        skipped: [],
        complaintFirst: complaint.first,
      });
      k += refined.words - 1;
    }
    if (read.reduce((n, m) => n + m.end - m.first, 0) !== attributes.length) continue;
    found.push(...read);
    // A refined attribute clause is itself the complaint's, so a list goes on: "headache, unilateral, throbbing".
    complaintOf.set(c, complaint);
  }
  return found;
}
