// Negation and uncertainty in the NegEx manner (Chapman et al., 2001): cue phrases before or after a symptom
// negate it or mark it uncertain within a short scope that ends at punctuation, contrastive conjunctions and a
// few clinical phrases; pseudo-cues ("no change", "not only") look like negations but are not.
// Urdu puts the negation after the symptom ("bukhar nahi hai" = no fever), so post-cues matter as much as pre-cues.
import { CLAUSE_ENDS, CONTRASTIVE_CONJUNCTIONS, SENTENCE_ENDS } from './clauses.ts';
import { matchPhrase, phraseTable } from './phraseTable.ts';
import type { Token } from './text.ts';

/**
 * How many words (a symptom mention counts as one) a cue reaches. NegEx's original scope was five terms; beyond
 * that a note has usually moved on ("no fever for the last two days cough" should not negate the cough).
 */
export const NEGATION_WINDOW = 5;

type Direction = 'pre' | 'post' | 'both';

interface Cue {
  negation?: Direction;
  uncertainty?: Direction;
  /** Ends the scope of other cues (a terminator). */
  ends?: boolean;
  /** Words that close the cue's own phrase, ending its forward scope: Urdu "bina dard ke" denies the pain only. */
  closedBy?: ReadonlySet<string>;
  /** The cue reaches only the nearest mention in its direction: a comparison names one finding. */
  nearest?: boolean;
}

const negationPre: Cue = { negation: 'pre' };
const negationPost: Cue = { negation: 'post' };
/** Urdu "bina … ke" / "baghair … ke" ("without … "): the postposition closes what is denied. */
const negationPreUntilKe: Cue = { negation: 'pre', closedBy: new Set(['ke', 'kay', 'کے']) };
const uncertainPre: Cue = { uncertainty: 'pre' };
const uncertainPost: Cue = { uncertainty: 'post' };
const uncertainBoth: Cue = { uncertainty: 'both' };
const pseudo: Cue = {};
const terminator: Cue = { ends: true };
/**
 * A comparison names a finding the patient's is set against, neither had nor denied: "the pain is not like a
 * migraine", "normal dandruff jaisa nahi". Its "not" and "nahi" deny nothing, and the finding compared with is in
 * doubt (so it is neither counted nor asked about as settled).
 */
const comparisonPre: Cue = { uncertainty: 'pre', nearest: true };
const comparisonPost: Cue = { uncertainty: 'post', nearest: true };

const CUES: ReadonlyArray<readonly [string, Cue]> = [
  ...[
    'no',
    'not',
    'denies',
    'deny',
    'denying',
    'without',
    'negative for',
    'free of',
    'absence of',
    'never had',
    'never',
    'nor',
    'neither',
    'no sign of',
    'no signs of',
    'no evidence of',
    'no complaint of',
    'no complaints of',
    'no c/o',
    'no h/o',
    'no history of',
    'does not have',
    "doesn't have",
    'did not have',
    "didn't have",
    'has not had',
    "hasn't had",
    'not complaining of',
    // Contracted English verbs ("I don't feel sick", "she hasn't vomited"), also typed without the apostrophe.
    // Not "can't" or "won't": "can't sleep" and "won't feed" are complaints.
    ...["don't", "doesn't", "didn't", "haven't", "hasn't", "hadn't", "isn't", "wasn't", "aren't", "weren't"],
    ...['dont', 'doesnt', 'didnt', 'havent', 'hasnt', 'isnt', 'wasnt'],
  ].map((p) => [p, negationPre] as const),
  ...['bina', 'baghair', 'بغیر', 'بنا'].map((p) => [p, negationPreUntilKe] as const),
  ...[
    'absent',
    // "motions normal", "urine theek hai": the complaint the word names is not there.
    'normal',
    'is normal',
    'are normal',
    'theek hai',
    'thik hai',
    'is fine',
    'not there',
    'not seen',
    'not noticed',
    'none',
    'is absent',
    'was absent',
    'not present',
    'ruled out',
    'nahi',
    'nahin',
    'nahee',
    'nahi hai',
    'nahin hai',
    'nahi he',
    'nahi tha',
    'nahi thi',
    'nhi',
    'nai',
    'نہیں',
    'نہیں ہے',
    // A test result after its name: "pregnancy test negative", "حمل کا ٹیسٹ منفی"; clinic shorthand "-ve", "neg"
    // ("haemoptysis -ve": the hyphen is no token, so "ve" alone is the cue; "+ve" is a pseudo-cue below).
    'negative',
    've',
    'neg',
    'manfi',
    'منفی',
  ].map((p) => [p, negationPost] as const),
  // Clinic "non-" ("non-bilious", "non-tender") denies the one finding it is written on; "non-productive cough" is a
  // wording of dry cough, read whole before any cue.
  ['non', { negation: 'pre', nearest: true }],
  // Urdu "na" stands before ("na bukhar na khansi") and after ("bukhar na ho") what it negates; clinic "nil" too
  // ("nil seizure activity", "vomiting nil").
  ['na', { negation: 'both' }],
  ['nil', { negation: 'both' }],
  // "denied nausea", "fever denied".
  ['denied', { negation: 'both' }],
  ['نہ', { negation: 'both' }],
  // Pseudo-cues: contain a negation word but do not deny the symptom ("no improvement in cough" = cough present).
  ...[
    'no change',
    'no increase',
    'no decrease',
    'no significant change',
    'not only',
    'no further',
    'not necessarily',
    'no improvement',
    'not improved',
    'no relief',
    'not relieved',
    'no better',
    'not better',
    'not resolved',
    'not subsided',
    'not gone',
    'gram negative',
    '+ ve',
    '+ve',
    'not stopping',
    'does not stop',
    "doesn't stop",
    "won't stop",
    'not going away',
    'does not go away',
    "doesn't go away",
    "won't go away",
    'not coming down',
    'not settling',
  ].map((p) => [p, pseudo] as const),
  // Urdu "does not stop / go / lessen / come down" ("hichki band nahi ho rahi", "khansi jaati nahi"): the "nahi"
  // says the complaint persists, so these phrases are pseudo-cues and their "nahi" negates nothing.
  ...persistencePhrases().map((p) => [p, pseudo] as const),
  // Doubt worded as negation ("not certain if") is uncertainty, not absence.
  ...[
    'not certain if',
    'not certain whether',
    'not sure if',
    'not sure whether',
    'not sure',
    'possible',
    'suspected',
    'suspect',
    'suspicious for',
    'suspicion of',
    'query',
    'probable',
    'probably',
    'likely',
    'questionable',
    'doubtful',
    'unsure',
    'may be',
    'might be',
    'could be',
    'rule out',
    'to rule out',
    'cannot rule out',
    'r/o',
    'ho sakta',
  ].map((p) => [p, uncertainPre] as const),
  ...['not ruled out', 'cannot be ruled out', 'ho sakta hai', '?', '؟'].map((p) => [p, uncertainPost] as const),
  ...['maybe', 'possibly', 'shayad', 'shaayad', 'shaid', 'شاید', 'lagta hai'].map((p) => [p, uncertainBoth] as const),
  // "Not known" is doubt, not denial: "vaccine ka pata nahi" says nothing against the bite before it.
  ...[
    'pata nahi',
    'pata nahin',
    'pata nhi',
    'maloom nahi',
    'maloom nahin',
    'malum nahi',
    'معلوم نہیں',
    'پتہ نہیں',
    'پتا نہیں',
  ]
    .concat(['not known', 'unknown', "don't know", 'do not know', 'not sure of'])
    .map((p) => [p, uncertainPost] as const),
  ...[
    'not like',
    "isn't like",
    'isnt like',
    'unlike',
    'different from',
    "doesn't feel like",
    'does not feel like',
    "doesn't look like",
    'does not look like',
  ].map((p) => [p, comparisonPre] as const),
  ...['jaisa', 'jaisi', 'jaise', 'jesa', 'jesi', 'jese', 'ki tarah', 'ke jaisa', 'ke jaisi']
    .flatMap((like) => ['nahi', 'nahin', 'nhi'].map((no) => `${like} ${no}`))
    .concat(['جیسا نہیں', 'جیسی نہیں', 'جیسے نہیں', 'کی طرح نہیں'])
    .map((p) => [p, comparisonPost] as const),
  // Clinical phrases that start a new statement end a scope ("no fever c/o headache").
  ...['c/o', 'complains of', 'complaining of', 'presents with', 'presented with', 'reports', 'which', 'who'].map(
    (p) => [p, terminator] as const,
  ),
  ...[...CONTRASTIVE_CONJUNCTIONS, 'apart from', 'aside from'].map((p) => [p, terminator] as const),
];

export const cueTable = phraseTable(CUES);

/**
 * Romanised Urdu for "does not stop / go away / lessen / come down / get better", in the verb forms a note uses:
 * a verb stem and "nahi" in either order, with the usual endings ("band nahi ho rahi", "rukta nahi", "jaata nahi").
 */
function persistencePhrases(): string[] {
  const negators = ['nahi', 'nahin', 'nhi', 'nai'];
  // Stem + "nahi" + auxiliary: "band nahi ho rahi", "kam nahi hota", "theek nahi ho raha".
  const withHona = ['band', 'kam', 'theek', 'thik', 'khatam', 'khatm'];
  const honaForms = [
    'ho raha',
    'ho rahi',
    'ho rahe',
    'hota',
    'hoti',
    'hote',
    'hua',
    'hui',
    'huwa',
    'ho pa raha',
    'ho pa rahi',
  ];
  // Verb forms that carry the meaning on their own, before or after "nahi": "rukta nahi", "nahi jaata".
  const verbs = ['rukta', 'rukti', 'rukte', 'jaata', 'jaati', 'jata', 'jati', 'jaate', 'jate', 'utarta', 'utarti'];
  // "ruk nahi raha", "ja nahi rahi", "utar nahi raha", "utar hi nahi raha".
  const progressiveStems = ['ruk', 'ja', 'jaa', 'utar', 'ghat'];
  const progressive = ['raha', 'rahi', 'rahe'];
  const out: string[] = [];
  // The same in Urdu script: "الٹیاں رکتی نہیں", "بخار اترتا نہیں", "کھانسی بند نہیں ہو رہی".
  // An emphatic "hi" may stand before the "nahi": "bukhar utarta hi nahi", "بخار اترتا ہی نہیں".
  for (const verb of ['رکتی', 'رکتا', 'رکتے', 'جاتی', 'جاتا', 'اترتا', 'اترتی'])
    out.push(`${verb} نہیں`, `نہیں ${verb}`, `${verb} ہی نہیں`);
  for (const stem of ['بند', 'کم', 'ٹھیک'])
    for (const form of ['ہو رہا', 'ہو رہی', 'ہوتا', 'ہوتی']) out.push(`${stem} نہیں ${form}`);
  for (const form of ['رہا', 'رہی', 'رہے']) out.push(`رک نہیں ${form}`);
  for (const n of negators) {
    for (const stem of withHona)
      for (const form of honaForms) out.push(`${stem} ${n} ${form}`, `${stem} hi ${n} ${form}`);
    for (const verb of verbs) out.push(`${verb} ${n}`, `${n} ${verb}`, `${verb} hi ${n}`);
    for (const stem of progressiveStems) {
      for (const form of progressive) out.push(`${stem} ${n} ${form}`, `${stem} hi ${n} ${form}`);
    }
  }
  return out;
}

/** Urdu copulas ("bukhar hai, khansi nahi"): a post-cue does not reach back past the verb of an earlier statement. */
const COPULAS: ReadonlySet<string> = new Set(['hai', 'hain', 'tha', 'thi', 'ہے', 'ہیں', 'تھا', 'تھی']);

type Unit =
  | { kind: 'mention'; mention: number }
  | { kind: 'cue'; cue: Cue; word?: string }
  | { kind: 'word'; norm: string }
  | { kind: 'stop'; mark?: string };

/** A question mark written onto the next word ("?fever", "?viral fever") queries what follows it. */
function queriesForward(tokens: readonly Token[], i: number): boolean {
  const mark = tokens[i];
  const next = tokens[i + 1];
  const previous = tokens[i - 1];
  if (!mark || !next || next.start !== mark.end || next.kind === 'punct') return false;
  return !previous || previous.end < mark.start || previous.kind === 'punct' || previous.kind === 'break';
}

function units(tokens: readonly Token[], mentionAt: Int32Array, mentionEnd: readonly number[]): Unit[] {
  const out: Unit[] = [];
  const free = (j: number) => mentionAt[j] === -1;
  let i = 0;
  while (i < tokens.length) {
    const m = mentionAt[i] ?? -1;
    if (m >= 0) {
      out.push({ kind: 'mention', mention: m });
      i = mentionEnd[m] ?? i + 1;
      continue;
    }
    const token = tokens[i] as Token;
    const cue = matchPhrase(cueTable, tokens, i, free);
    if (cue && (token.norm === '?' || token.norm === '؟')) {
      // A question mark either queries the word it is written onto or ends the sentence it queries.
      if (queriesForward(tokens, i)) out.push({ kind: 'cue', cue: { uncertainty: 'pre', ends: true } });
      else out.push({ kind: 'cue', cue: cue.value }, { kind: 'stop', mark: token.norm });
      i = cue.end;
      continue;
    }
    if (cue) {
      out.push({ kind: 'cue', cue: cue.value, word: token.norm });
      i = cue.end;
      continue;
    }
    if (token.kind === 'word' || token.kind === 'number') out.push({ kind: 'word', norm: token.norm });
    else if (token.kind === 'break' || SENTENCE_ENDS.has(token.norm) || CLAUSE_ENDS.has(token.norm)) {
      out.push({ kind: 'stop', mark: token.norm });
    }
    i++;
  }
  return out;
}

const isColon = (unit: Unit | undefined) => unit?.kind === 'stop' && unit.mark === ':';
/** Every mention of the list a denial heads with a colon, to the sentence's end: "Denies: fever, cough, cold." */
function labelledList(list: readonly Unit[], colon: number, mark: (mention: number) => void): void {
  for (let v = colon + 1; v < list.length; v++) {
    const unit = list[v] as Unit;
    if (unit.kind === 'stop' && !isComma(unit)) return;
    if (unit.kind === 'cue' && unit.cue.ends) return;
    if (unit.kind === 'mention') mark(unit.mention);
  }
}

/** Words that make the finding beside them an exception to a denial: after it in Urdu, before it in English. */
const EXCEPT_AFTER: ReadonlySet<string> = new Set([
  'ilawa',
  'alawa',
  'elawa',
  'siwa',
  'siwaye',
  'sivaye',
  'سوا',
  'علاوہ',
]);
const EXCEPT_BEFORE: ReadonlySet<string> = new Set(['except', 'besides', 'sivaye', 'siwaye', 'siwa', 'bajuz', 'سوائے']);

/** Words that may stand between a finding and its exception word: fillers, "for", the Urdu postposition. */
const EXCEPTION_FILLERS: ReadonlySet<string> = new Set(['ke', 'ki', 'ka', 'کے', 'for', 'the', 'a', 'my', 'her', 'his']);

/**
 * The mentions said as the exception to a denial: "khansi ke ilawa", "except (for) the cough", "sivaye khansi ke".
 */
function exceptions(tokens: readonly Token[], mentions: ReadonlyArray<{ first: number; end: number }>): Set<number> {
  const out = new Set<number>();
  mentions.forEach((m, index) => {
    let after = m.end;
    while (after < tokens.length && EXCEPTION_FILLERS.has(tokens[after]?.norm ?? '')) after++;
    let before = m.first - 1;
    while (before >= 0 && EXCEPTION_FILLERS.has(tokens[before]?.norm ?? '')) before--;
    if (EXCEPT_AFTER.has(tokens[after]?.norm ?? '') || EXCEPT_BEFORE.has(tokens[before]?.norm ?? '')) out.add(index);
  });
  return out;
}

/** Words after a finding that make "never" say it is new, not absent: "never had fits before". */
const FIRST_TIME: ReadonlySet<string> = new Set(['before', 'pehle', 'earlier']);

/** The words that close a list of denied findings: "denies fever, chills or night sweats". */
const LIST_CLOSERS: ReadonlySet<string> = new Set(['or', 'nor', 'ya', 'یا']);

const isComma = (unit: Unit | undefined) => unit?.kind === 'stop' && (unit.mark === ',' || unit.mark === '،');

/**
 * The mentions of a list that goes on past the comma at `v` and closes with "or": "fever, chills or night sweats"
 * after "denies". Without the closing "or" a comma ends the denial: "no fever, cough for 3 days" has a cough.
 */
function orListAfter(list: readonly Unit[], v: number): number[] {
  const items: number[] = [];
  let w = v;
  while (isComma(list[w])) {
    const item = list[w + 1];
    if (item?.kind !== 'mention') return [];
    items.push(item.mention);
    w += 2;
  }
  const closer = list[w];
  const last = list[w + 1];
  if (closer?.kind !== 'word' || !LIST_CLOSERS.has(closer.norm) || last?.kind !== 'mention') return [];
  return [...items, last.mention];
}

/**
 * The mention a denial answers when it stands alone after a colon or a question mark: "vomiting: absent", "fever? no".
 */
function answered(list: readonly Unit[], u: number): number | undefined {
  const after = list[u + 1];
  if (after !== undefined && after.kind !== 'stop') return undefined;
  const stop = list[u - 1];
  // A form's "fever no, cough yes": "no" right after the finding, ending its clause.
  const cue = list[u];
  if (stop?.kind === 'mention' && cue?.kind === 'cue' && cue.word === 'no') return stop.mention;
  if (stop?.kind !== 'stop' || (stop.mark !== ':' && stop.mark !== '?' && stop.mark !== '؟')) return undefined;
  // "fever?" is a question cue and then a stop: the question asked, the denial its answer.
  let v = u - 2;
  if (list[v]?.kind === 'cue') v--;
  const asked = list[v];
  return asked?.kind === 'mention' ? asked.mention : undefined;
}

function reaches(direction: Direction | undefined, way: 'pre' | 'post'): boolean {
  return direction === way || direction === 'both';
}

/**
 * Marks the mentions within NEGATION_WINDOW words of cue `u`, going forward (step 1) or backward (step -1); going
 * forward, a word that closes the cue's own phrase (`closedBy`) ends the scope.
 */
function scope(
  list: readonly Unit[],
  u: number,
  step: 1 | -1,
  mark: (mention: number) => void,
  closedBy?: ReadonlySet<string>,
  nearest = false,
): void {
  let count = 0;
  for (let v = u + step; v >= 0 && v < list.length && count < NEGATION_WINDOW; v += step) {
    const unit = list[v] as Unit;
    if (step === 1 && isComma(unit) && closedBy === undefined) {
      for (const m of orListAfter(list, v)) mark(m);
      return;
    }
    if (unit.kind === 'stop' || (unit.kind === 'cue' && unit.cue.ends)) return;
    if (step === -1 && unit.kind === 'word' && COPULAS.has(unit.norm)) return;
    if (step === 1 && unit.kind === 'word' && closedBy?.has(unit.norm)) return;
    if (unit.kind === 'mention') {
      mark(unit.mention);
      if (nearest) return;
    }
    count++;
  }
}

export interface Context {
  negated: boolean[];
  uncertain: boolean[];
}

/**
 * Which mentions are negated or uncertain. `mentions` are token ranges [first, end) in text order, not overlapping.
 */
export function context(tokens: readonly Token[], mentions: ReadonlyArray<{ first: number; end: number }>): Context {
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, index) => {
    mentionAt.fill(index, m.first, m.end);
  });
  const list = units(
    tokens,
    mentionAt,
    mentions.map((m) => m.end),
  );
  const negated = mentions.map(() => false);
  const uncertain = mentions.map(() => false);
  const answers: number[] = [];
  // "khansi ke ilawa koi shikayat nahi", "except for the cough she is fine": the exception is what she has.
  const excepted = exceptions(tokens, mentions);
  // "never had fits before, today had one": what was never had before is had now.
  const firstTime = new Set<number>();
  list.forEach((unit, v) => {
    const next = list[v + 1];
    if (unit.kind === 'mention' && next?.kind === 'word' && FIRST_TIME.has(next.norm)) firstTime.add(unit.mention);
  });
  list.forEach((unit, u) => {
    if (unit.kind !== 'cue') return;
    const { negation, uncertainty, closedBy, nearest } = unit.cue;
    const answer = negation ? answered(list, u) : undefined;
    if (answer !== undefined) answers.push(answer);
    const never = unit.word === 'never';
    const negate = (m: number) => {
      if (!(never && firstTime.has(m)) && !excepted.has(m)) negated[m] = true;
    };
    const doubt = (m: number) => {
      uncertain[m] = true;
    };
    if (reaches(negation, 'pre') && isColon(list[u + 1])) labelledList(list, u + 1, negate);
    else if (reaches(negation, 'pre')) scope(list, u, 1, negate, closedBy);
    if (reaches(negation, 'post')) scope(list, u, -1, negate);
    if (reaches(uncertainty, 'pre')) scope(list, u, 1, doubt, undefined, nearest);
    if (reaches(uncertainty, 'post')) scope(list, u, -1, doubt, undefined, nearest);
  });
  // An answered question is no longer in doubt.
  for (const m of answers) {
    negated[m] = true;
    uncertain[m] = false;
  }
  return { negated, uncertain };
}
