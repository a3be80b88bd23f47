// Reads a practitioner's free-text note into findings: which symptoms are mentioned, whether each is present,
// negated or uncertain, for how long and how badly.
import type { Finding } from '../types.ts';
import { attachModifiers } from './attach.ts';
import { findAttributeMentions } from './attributes.ts';
import { type Clauses, clausesOf } from './clauses.ts';
import { findDescribedMentions } from './descriptions.ts';
import { findDurations } from './duration.ts';
import { findExaminationMentions } from './examinations.ts';
import type { Lexicon } from './lexicon.ts';
import { findMentions, type Mention, resolveKeys } from './mentions.ts';
import type { Modifier } from './modifier.ts';
import { context } from './negation.ts';
import { findNormalFunctions } from './normalFunctions.ts';
import { findSeverities } from './severity.ts';
import { placeBareWords } from './sites.ts';
import { tokenize } from './text.ts';

/**
 * One finding per symptom mention in `text`, in text order, with its character span [start, end).
 * English, romanised Urdu and Urdu script may be mixed; misspellings of longer words are tolerated. Spans in
 * `exclude` (an age, a vital sign) give no duration or severity.
 */
export function parse(text: string, lexicon: Lexicon, exclude: ReadonlyArray<[number, number]> = []): Finding[] {
  const tokens = tokenize(text);
  const keys = resolveKeys(tokens, lexicon);
  const found = findMentions(tokens, lexicon, keys);
  const owner = new Int32Array(tokens.length).fill(-1);
  for (const m of found) owner.fill(m.symptom, m.first, m.end);
  const described = findDescribedMentions(
    tokens,
    keys,
    lexicon.descriptions,
    owner,
    new Set(found.map((m) => m.symptom)),
  );
  // A general complaint gives way to the specific one described over its words ("bukhar … har doosre din").
  const lent = new Set(described.flatMap((d) => d.borrowed));
  const named = found.filter(
    (m) => !Array.from({ length: m.end - m.first }, (_, k) => m.first + k).some((t) => lent.has(t)),
  );
  const read = [...named, ...described];
  const taken = new Int32Array(tokens.length).fill(-1);
  for (const m of read) taken.fill(m.symptom, m.first, m.end);
  const examined = findExaminationMentions(tokens, lexicon.examinations, taken, lexicon.symptoms);
  const reread = new Set(examined.map((m) => m.first));
  const unexamined = read.filter((m) => !reread.has(m.first));
  for (const m of examined) taken.fill(m.symptom, m.first, m.end);
  const clauses = clausesOf(tokens);
  const sofar = [...unexamined, ...examined].sort((a, b) => a.first - b.first);
  const attributes = findAttributeMentions(tokens, keys, lexicon, clauses, sofar, taken);
  for (const m of attributes) taken.fill(m.symptom, m.first, m.end);
  const normal = findNormalFunctions(tokens, lexicon.functions, taken);
  const placed = placeBareWords(
    tokens,
    [...sofar, ...attributes, ...normal].sort((a, b) => a.first - b.first),
    lexicon,
    clauses,
  );
  if (placed.mentions.length === 0) return [];
  const said = context(tokens, placed.mentions);
  // A denial inside a phrase ("saans nahi phoolti") is no cue the context sees: the mention carries it.
  placed.mentions.forEach((m, i) => {
    if (m.denied) said.negated[i] = true;
  });
  // A complaint word read inside another complaint's phrase ("no pain or swelling in the knee") is said as that one is.
  const sharedBy = new Map<number, number>();
  placed.mentions.forEach((o, j) => {
    for (const t of o.shared ?? []) sharedBy.set(t, j);
  });
  if (sharedBy.size > 0) {
    placed.mentions.forEach((m, i) => {
      const outer = sharedBy.get(m.first);
      if (outer === undefined || outer === i) return;
      said.negated[i] = said.negated[outer] === true;
      said.uncertain[i] = said.uncertain[outer] === true;
    });
  }
  // A bare word said present ("…, pain") is read at a place only when that place is named in its own clause.
  const kept = placed.mentions.map(
    (m, i) => !placed.borrowed[i] || said.negated[i] || placed.placeClause[i] === clauses.clause[m.first],
  );
  const mentions = placed.mentions.filter((_, i) => kept[i]);
  if (mentions.length === 0) return [];
  const negated = said.negated.filter((_, i) => kept[i]);
  const uncertain = said.uncertain.filter((_, i) => kept[i]);
  const inMention = new Uint8Array(tokens.length);
  for (const m of mentions) {
    inMention.fill(1, m.first, m.end);
    // An intensity word inside a complaint ("pet mein tez dard") still grades it.
    for (const t of m.skipped) inMention[t] = 0;
  }
  // Tokens of an age or a vital sign ("2 saal ka", "BP 190/120") are no duration or grading of a complaint.
  for (const [start, end] of exclude)
    tokens.forEach((t, i) => {
      if (t.start < end && start < t.end) inMention[i] = 1;
    });
  const usable = (i: number) => i >= 0 && i < tokens.length && inMention[i] === 0;

  const present = negated.map((n) => !n);
  const joined = (from: number, to: number) => tokens.slice(from, to).some((t) => JOINING_WORDS.has(t.norm));
  const durations = durationsOf(mentions, present, findDurations(tokens, usable), clauses, lexicon, joined);
  // "Headache x6mo, throbbing": the attribute's finding has lasted as long as its complaint.
  const complaintAt = new Map(attributes.map((a) => [a.first, a.complaintFirst]));
  const indexAt = new Map(mentions.map((m, i) => [m.first, i]));
  mentions.forEach((m, i) => {
    const j = indexAt.get(complaintAt.get(m.first) ?? -1);
    if (j !== undefined && durations[i] === undefined && present[i]) durations[i] = durations[j];
  });
  const severities = attachModifiers(mentions, present, findSeverities(tokens, usable), clauses, 'before');

  return mentions.map((m, i) => {
    const symptom = lexicon.symptoms[m.symptom] as { code: string; name: string };
    const first = tokens[m.first] as { start: number };
    const last = tokens[m.end - 1] as { end: number };
    const finding: Finding = { symptom: symptom.code, name: symptom.name, present: present[i] ?? true };
    if (uncertain[i]) finding.uncertain = true;
    const days = durations[i];
    if (days !== undefined) finding.durationDays = days;
    const severity = severities[i];
    if (severity !== undefined) finding.severity = severity;
    finding.span = [first.start, last.end];
    return finding;
  });
}

/**
 * Complaints whose duration the rules read as the length of one episode: a fit "lasting 2 minutes" yesterday lasted
 * two minutes, not a day.
 */
const EPISODIC: ReadonlySet<string> = new Set(['seizure', 'seizure-not-stopping']);

/**
 * A duration of hours or minutes belongs to the complaint written beside it ("joron mein dard subah akdan 1 ghanta":
 * the stiffness lasts an hour); one of days or more may cover a list ("suda and humma x3 days").
 */
const underADay = (days: number) => days < 1;

/** Words that make two complaints one list, so a duration after the list is both's. */
const JOINING_WORDS: ReadonlySet<string> = new Set([
  'and',
  'aur',
  'or',
  'ya',
  '&',
  '+',
  '/',
  'with',
  'also',
  'bhi',
  'اور',
]);

/**
 * Each mention's duration: an episodic complaint takes the length of its episode where the note gives one, any other
 * complaint the time since it began ("cough for 3 weeks, bouts lasting 10 minutes" has lasted three weeks).
 */
function durationsOf(
  mentions: readonly Mention[],
  present: readonly boolean[],
  found: readonly Modifier<number>[],
  clauses: Clauses,
  lexicon: Lexicon,
  joined: (from: number, to: number) => boolean,
): Array<number | undefined> {
  const attach = (durations: readonly Modifier<number>[]) =>
    attachModifiers(mentions, present, durations, clauses, 'after', underADay, joined);
  const any = attach(found);
  if (!found.some((d) => d.lengthOfEpisode)) return any;
  const episodes = attach(found.filter((d) => d.lengthOfEpisode));
  const sinceOnset = attach(found.filter((d) => !d.lengthOfEpisode));
  return mentions.map((m, i) => {
    const code = lexicon.symptoms[m.symptom]?.code ?? '';
    return EPISODIC.has(code) ? (episodes[i] ?? any[i]) : (sinceOnset[i] ?? any[i]);
  });
}
