// Gives each present symptom mention the duration or severity its clause states. Within a clause a mention takes
// the nearest modifier ("headache for 2 days and fever for a week"); a clause holding only a modifier
// ("suda and humma x3 days, severe") qualifies the mentions of the clauses before it in the same sentence.
import type { Clauses } from './clauses.ts';
import type { Mention } from './mentions.ts';
import type { Modifier } from './modifier.ts';

/** On an equal distance, which side a modifier is read from: "severe headache" but "headache for 3 days". */
export type Side = 'before' | 'after';

function gap(mention: Mention, modifier: Modifier<unknown>): { distance: number; side: Side } {
  return modifier.first >= mention.end
    ? { distance: modifier.first - mention.end, side: 'after' }
    : { distance: mention.first - modifier.end, side: 'before' };
}

/**
 * Whether another eligible mention stands between `m` and `modifier` without a word joining it to `m` ("dard subah
 * akdan 1 ghanta", but not "fever and headache 2 hours"): the modifier is then that mention's alone.
 */
function shadowed<T>(
  m: Mention,
  modifier: Modifier<T>,
  mentions: readonly Mention[],
  candidates: readonly number[],
  joined: (from: number, to: number) => boolean,
): boolean {
  const after = modifier.first >= m.end;
  return candidates.some((index) => {
    const n = mentions[index] as Mention;
    if (n === m) return false;
    const between = after ? n.first >= m.end && n.end <= modifier.first : n.end <= m.first && n.first >= modifier.end;
    if (!between) return false;
    return after ? !joined(m.end, n.first) : !joined(n.end, m.first);
  });
}

/**
 * The modifier value for each mention (undefined where none applies). Only mentions with `eligible[m]` true
 * (present, not negated) take modifiers. A modifier for which `nearestOnly` holds is not read across another mention
 * unless a word such as "and" joins the two (`joined` tells, for a token range).
 */
export function attachModifiers<T>(
  mentions: readonly Mention[],
  eligible: readonly boolean[],
  modifiers: readonly Modifier<T>[],
  clauses: Clauses,
  preferred: Side,
  nearestOnly: (value: T) => boolean = () => false,
  joined: (from: number, to: number) => boolean = () => true,
): Array<T | undefined> {
  const values: Array<T | undefined> = mentions.map(() => undefined);
  const clauseOf = (token: number) => clauses.clause[token] ?? -1;
  const byClause = new Map<number, number[]>();
  mentions.forEach((m, index) => {
    if (!eligible[index]) return;
    const c = clauseOf(m.first);
    const list = byClause.get(c) ?? [];
    list.push(index);
    byClause.set(c, list);
  });
  const modifiersByClause = new Map<number, Modifier<T>[]>();
  for (const d of modifiers) {
    const c = clauseOf(d.first);
    const list = modifiersByClause.get(c) ?? [];
    list.push(d);
    modifiersByClause.set(c, list);
  }

  // Within a clause: nearest modifier wins.
  mentions.forEach((m, index) => {
    if (!eligible[index]) return;
    let best: { distance: number; side: Side; value: T } | undefined;
    const clause = clauseOf(m.first);
    for (const d of modifiersByClause.get(clause) ?? []) {
      if (nearestOnly(d.value) && shadowed(m, d, mentions, byClause.get(clause) ?? [], joined)) continue;
      const g = gap(m, d);
      if (!best || g.distance < best.distance || (g.distance === best.distance && g.side === preferred)) {
        best = { ...g, value: d.value };
      }
    }
    if (best) values[index] = best.value;
  });

  // A clause with only a modifier qualifies the clauses of complaints before it in its sentence, back to one with a
  // modifier of its own ("bukhar, khansi, 3 din se"; "cramps aate hain, bahut tez, 1 week se"); with none before,
  // the clause after it. A sentence that is only a modifier ("4 mahine se.") qualifies the sentence before it.
  const sentenceOfClause = new Map<number, number>();
  clauses.clause.forEach((c, token) => {
    if (!sentenceOfClause.has(c)) sentenceOfClause.set(c, clauses.sentence[token] ?? -1);
  });
  const sentencesWithMentions = new Set(mentions.map((m) => clauses.sentence[m.first]));
  const eligibleBySentence = new Map<number, number[]>();
  mentions.forEach((m, index) => {
    if (!eligible[index]) return;
    const s = clauses.sentence[m.first] ?? -1;
    const list = eligibleBySentence.get(s);
    if (list) list.push(index);
    else eligibleBySentence.set(s, [index]);
  });
  const complaintsBefore = (c: number, sentence: number | undefined) => {
    const found: number[] = [];
    for (let n = c - 1; sentenceOfClause.get(n) === sentence && !modifiersByClause.has(n); n--) {
      found.push(...(byClause.get(n) ?? []));
    }
    return found;
  };
  for (const d of modifiers) {
    const c = clauseOf(d.first);
    if (byClause.has(c)) continue;
    const sentence = clauses.sentence[d.first];
    let targets = complaintsBefore(c, sentence);
    const next = byClause.get(c + 1);
    if (targets.length === 0 && next && sentenceOfClause.get(c + 1) === sentence && !modifiersByClause.has(c + 1)) {
      targets = next;
    }
    if (targets.length === 0 && sentence !== undefined && !sentencesWithMentions.has(sentence)) {
      // Sentences are numbered in order, so the one before is one less.
      targets = eligibleBySentence.get(sentence - 1) ?? [];
    }
    for (const index of targets) values[index] ??= d.value;
  }
  return values;
}
