// How well the parser reads a labelled snippet set: present and denied findings recalled, denials never read as
// present, and stated durations attached to the right finding. A specific finding counts for the general one it
// implies (throbbing headache answers "headache"), and a denied general finding denies its specific ones.
import type { Ancestry } from '../knowledge/hierarchy.ts';
import type { Finding } from '../types.ts';

export interface SnippetOutcome {
  id: string;
  style?: string;
  expectedPresent: readonly string[];
  expectedAbsent: readonly string[];
  /** Expected duration in days of a present finding, by code. */
  expectedDurations: Readonly<Record<string, number>>;
  found: readonly Finding[];
}

interface Recall {
  expected: number;
  found: number;
  recall: number;
}

export interface ParserMetrics {
  n: number;
  present: Recall;
  negated: Recall;
  /** Denied findings the parser read as present: the error that must never happen. */
  negatedReadAsPresent: number;
  /** Present findings read that the snippet's labels do not support (neither a labelled one nor its parent). */
  presentPrecision: number;
  /** Labelled durations found on the right finding (within 10 %). */
  durations: Recall;
  byStyle: Record<string, { n: number; presentRecall: number; negatedRecall: number }>;
}

export interface SnippetMiss {
  id: string;
  missedPresent: string[];
  missedAbsent: string[];
  negatedAsPresent: string[];
  unsupported: string[];
  wrongDurations: string[];
}

const share = (hits: number, of: number) => (of === 0 ? 1 : hits / of);
const recall = (expected: number, found: number): Recall => ({ expected, found, recall: share(found, expected) });

/** Does `found` say at least as much as `wanted` (the same code or a more specific one)? */
const implies = (ancestry: Ancestry, found: string, wanted: string) =>
  found === wanted || (ancestry.get(found)?.includes(wanted) ?? false);

function scoreSnippet(o: SnippetOutcome, ancestry: Ancestry) {
  const present = o.found.filter((f) => f.present && !f.uncertain);
  const absent = o.found.filter((f) => !f.present);
  const presentFor = (code: string) => present.find((f) => implies(ancestry, f.symptom, code));
  const missedPresent = o.expectedPresent.filter((code) => !presentFor(code));
  // Denying a general finding denies the specific one asked for.
  const missedAbsent = o.expectedAbsent.filter((code) => !absent.some((f) => implies(ancestry, code, f.symptom)));
  const negatedAsPresent = o.expectedAbsent.filter((code) => presentFor(code));
  const unsupported = present
    .filter((f) => !o.expectedPresent.some((code) => implies(ancestry, code, f.symptom)))
    .map((f) => f.symptom);
  const durations = Object.entries(o.expectedDurations);
  // A complaint said twice ("neend nahi aati, raat bhar jaagta hun, 3 hafte") is two findings; either may carry it.
  const wrongDurations = durations
    .filter(
      ([code, days]) =>
        !present.some(
          (f) =>
            implies(ancestry, f.symptom, code) &&
            f.durationDays !== undefined &&
            Math.abs(f.durationDays - days) <= days * 0.1,
        ),
    )
    .map(([code]) => code);
  return {
    miss: { id: o.id, missedPresent, missedAbsent, negatedAsPresent, unsupported, wrongDurations },
    readPresent: present.length,
    durations: durations.length,
  };
}

/** The set's figures and, for study of a development half, what each snippet missed. */
export function parserMetrics(
  outcomes: readonly SnippetOutcome[],
  ancestry: Ancestry,
): { metrics: ParserMetrics; misses: SnippetMiss[] } {
  const scored = outcomes.map((o) => ({ o, ...scoreSnippet(o, ancestry) }));
  const sum = (pick: (s: (typeof scored)[number]) => number, of = scored) => of.reduce((t, s) => t + pick(s), 0);
  const presentRecall = (of: typeof scored) =>
    recall(
      sum((s) => s.o.expectedPresent.length, of),
      sum((s) => s.o.expectedPresent.length - s.miss.missedPresent.length, of),
    );
  const negatedRecall = (of: typeof scored) =>
    recall(
      sum((s) => s.o.expectedAbsent.length, of),
      sum((s) => s.o.expectedAbsent.length - s.miss.missedAbsent.length, of),
    );
  const styles = [...new Set(scored.map((s) => s.o.style ?? 'unmarked'))].sort();
  const byStyle = Object.fromEntries(
    styles.map((style) => {
      const of = scored.filter((s) => (s.o.style ?? 'unmarked') === style);
      return [
        style,
        { n: of.length, presentRecall: presentRecall(of).recall, negatedRecall: negatedRecall(of).recall },
      ];
    }),
  );
  const readPresent = sum((s) => s.readPresent);
  const metrics: ParserMetrics = {
    n: outcomes.length,
    present: presentRecall(scored),
    negated: negatedRecall(scored),
    negatedReadAsPresent: sum((s) => s.miss.negatedAsPresent.length),
    presentPrecision: share(readPresent - sum((s) => s.miss.unsupported.length), readPresent),
    durations: recall(
      sum((s) => s.durations),
      sum((s) => s.durations - s.miss.wrongDurations.length),
    ),
    byStyle,
  };
  const misses = scored
    .map((s) => s.miss)
    .filter(
      (m) =>
        m.missedPresent.length + m.missedAbsent.length + m.negatedAsPresent.length + m.unsupported.length > 0 ||
        m.wrongDurations.length > 0,
    );
  return { metrics, misses };
}
