// How long a complaint has lasted, read from English clinical shorthand ("x3d", "3/7", "since 2 weeks") and
// romanised or script Urdu ("2 din se", "teen hafte"), in days.
import type { Modifier } from './modifier.ts';
import { matchPhrase, phraseTable } from './phraseTable.ts';
import type { Token } from './text.ts';

export const DAYS_PER_WEEK = 7;
/** A calendar month taken as 30 days, the convention of clinical duration criteria. */
export const DAYS_PER_MONTH = 30;
export const DAYS_PER_YEAR = 365;
const DAYS_PER_HOUR = 1 / 24;
const DAYS_PER_MINUTE = DAYS_PER_HOUR / 60;
/** "A few" / "past few weeks" read conservatively as two: "past few weeks" ≈ 14 days. */
export const FEW_COUNT = 2;
/** "Several" / Urdu "kai" read as three. */
export const SEVERAL_COUNT = 3;
/** Durations are reported to two decimals (hours become fractions of a day); minutes to four, so a five-minute fit
 * (0.0035 d) is not rounded away. */
const DECIMALS = 100;
const MINUTE_DECIMALS = 10_000;

const DAY = ['day', 'days', 'din', 'dino', 'dinon', 'dinoon', 'roz', 'دن', 'دنوں', 'روز'];
const WEEK = ['week', 'weeks', 'wk', 'wks', 'hafta', 'hafte', 'haftay', 'hafton', 'ہفتہ', 'ہفتے', 'ہفتوں'];
const MONTH = [
  ...['month', 'months', 'mo', 'mos', 'mth', 'mths', 'mahina', 'mahine', 'mahinay', 'mahino', 'mahinon'],
  ...['maheena', 'maheene', 'mahene', 'مہینہ', 'مہینے', 'مہینوں'],
];
const YEAR = ['year', 'years', 'yr', 'yrs', 'saal', 'sal', 'baras', 'barson', 'سال'];
const HOUR = ['hour', 'hours', 'hr', 'hrs', 'ghanta', 'ghante', 'ghanton', 'گھنٹہ', 'گھنٹے'];
const MINUTE = ['minute', 'minutes', 'min', 'mins', 'minat', 'minute', 'منٹ'];

const UNITS: ReadonlyMap<string, number> = new Map([
  ...DAY.map((w) => [w, 1] as const),
  ...WEEK.map((w) => [w, DAYS_PER_WEEK] as const),
  ...MONTH.map((w) => [w, DAYS_PER_MONTH] as const),
  ...YEAR.map((w) => [w, DAYS_PER_YEAR] as const),
  ...HOUR.map((w) => [w, DAYS_PER_HOUR] as const),
  ...MINUTE.map((w) => [w, DAYS_PER_MINUTE] as const),
]);
const YEAR_UNITS = new Set(YEAR);

/** Number and unit written together: "3d", "x3d", "2wks", "x3", "x2m". */
const COMPACT = /^(x?)(\d+(?:\.\d+)?)(d|days?|w|wks?|weeks?|m|mo|mos|mths?|months?|y|yrs?|years?|h|hrs?|hours?)?$/;
/** Without a leading "x", "45M" and "30y" give age and sex ("45-year-old male"), not a duration. */
const AGE_SUFFIXES = new Set(['m', 'y']);
const COMPACT_UNITS: Record<string, number> = {
  d: 1,
  w: DAYS_PER_WEEK,
  m: DAYS_PER_MONTH,
  y: DAYS_PER_YEAR,
  h: DAYS_PER_HOUR,
};

/** Counts written as words in English, romanised Urdu and Urdu script ("teen", "تین", "a few"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    a: 1,
    an: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    fifteen: 15,
    twenty: 20,
    few: FEW_COUNT,
    couple: 2,
    several: SEVERAL_COUNT,
    kai: SEVERAL_COUNT,
    ek: 1,
    do: 2,
    teen: 3,
    char: 4,
    chaar: 4,
    panch: 5,
    paanch: 5,
    chhe: 6,
    chhay: 6,
    chay: 6,
    chhah: 6,
    saat: 7,
    aath: 8,
    aat: 8,
    nau: 9,
    das: 10,
    dus: 10,
    gyarah: 11,
    barah: 12,
    pandrah: 15,
    bees: 20,
    // One and a half, two and a half: "dedh saal ka beta", "ڈھائی ماہ سے".
    dedh: 1.5,
    derh: 1.5,
    dhai: 2.5,
    dhaai: 2.5,
    adhai: 2.5,
    ڈیڑھ: 1.5,
    ڈھائی: 2.5,
    اڑھائی: 2.5,
    ایک: 1,
    دو: 2,
    تین: 3,
    چار: 4,
    پانچ: 5,
    چھ: 6,
    سات: 7,
    آٹھ: 8,
    نو: 9,
    دس: 10,
    // Tens and the ages a note gives in Urdu words ("امی اڑسٹھ سال", "پچاس سال مرد").
    بارہ: 12,
    پندرہ: 15,
    بیس: 20,
    پچیس: 25,
    تیس: 30,
    پینتیس: 35,
    چالیس: 40,
    پینتالیس: 45,
    پچاس: 50,
    پچپن: 55,
    ساٹھ: 60,
    پینسٹھ: 65,
    اڑسٹھ: 68,
    ستر: 70,
    پچھتر: 75,
    اسی: 80,
    پچاسی: 85,
    نوے: 90,
    // The other counts up to 95 in Urdu words (not بہتر, 72, which is also "better").
    گیارہ: 11,
    تیرہ: 13,
    چودہ: 14,
    سولہ: 16,
    سترہ: 17,
    اٹھارہ: 18,
    انیس: 19,
    اکیس: 21,
    بائیس: 22,
    تئیس: 23,
    چوبیس: 24,
    چھبیس: 26,
    ستائیس: 27,
    اٹھائیس: 28,
    انتیس: 29,
    اکتیس: 31,
    بتیس: 32,
    تینتیس: 33,
    چونتیس: 34,
    چھتیس: 36,
    سینتیس: 37,
    اڑتیس: 38,
    انتالیس: 39,
    اکتالیس: 41,
    بیالیس: 42,
    تینتالیس: 43,
    چوالیس: 44,
    چھیالیس: 46,
    سینتالیس: 47,
    اڑتالیس: 48,
    انچاس: 49,
    اکیاون: 51,
    باون: 52,
    ترپن: 53,
    چھپن: 56,
    ستاون: 57,
    اٹھاون: 58,
    انسٹھ: 59,
    اکسٹھ: 61,
    باسٹھ: 62,
    تریسٹھ: 63,
    چونسٹھ: 64,
    چھیاسٹھ: 66,
    سڑسٹھ: 67,
    انہتر: 69,
    اکہتر: 71,
    تہتر: 73,
    چوہتر: 74,
    چھہتر: 76,
    ستتر: 77,
    اٹھہتر: 78,
    اناسی: 79,
    اکیاسی: 81,
    بیاسی: 82,
    تراسی: 83,
    چوراسی: 84,
    چھیاسی: 86,
    ستاسی: 87,
    اٹھاسی: 88,
    نواسی: 89,
    اکانوے: 91,
    بانوے: 92,
    ترانوے: 93,
    چورانوے: 94,
    پچانوے: 95,
    tees: 30,
    chalees: 40,
    chalis: 40,
    pachas: 50,
    pachaas: 50,
    sattar: 70,
    assi: 80,
  }),
);

/** Words between two numbers of a range ("2 to 3 days", "do se teen din"); a hyphen is not a token. */
const RANGE_WORDS = new Set(['to', 'or', 'se']);
/** A number after these counts how often, not how long ("twice a day", "3 times a week", "every 2 days"). */
const FREQUENCY_WORDS = new Set(['once', 'twice', 'thrice', 'times', 'time', 'per', 'every', 'each', 'aged', 'age']);
/** A unit right after these, with no number, means one ("past week", "pichle mahine"). */
const LAST_WORDS = new Set(['past', 'last', 'previous', 'pichle', 'pichhle', 'pichla', 'pichhla']);
/** Medical shorthand n/7 (days), n/52 (weeks), n/12 (months). */
const FRACTION_UNITS: Record<string, number> = { '7': 1, '52': DAYS_PER_WEEK, '12': DAYS_PER_MONTH };

const RELATIVE = phraseTable<number>([
  ['yesterday', 1],
  ['last night', 1],
  ['this morning', 1],
  ['since morning', 1],
  ['day before yesterday', 2],
  ['kal se', 1],
  ['kal raat se', 1],
  ['aaj subah se', 1],
  ['subah se', 1],
  ['raat se', 1],
  ['parson se', 2],
  ['کل سے', 1],
  // Years or months without a number: a long-standing complaint ("barson se qabz", "cough for months").
  ['for years', 730],
  ['for many years', 730],
  ['barson se', 730],
  ['barso se', 730],
  ['saalon se', 730],
  ['salon se', 730],
  ['برسوں سے', 730],
  ['سالوں سے', 730],
  ['for months', 60],
  ['for many months', 60],
  ['mahino se', 60],
  ['mahinon se', 60],
  ['مہینوں سے', 60],
]);

/** Words that belong to a duration around it ("for 3 days", "2 din se", "a week ago"): part of its span. */
const LEADING_WORDS = new Set(['for', 'since', 'x', 'over', 'from', 'about', 'around', 'almost', 'nearly']);
const TRAILING_WORDS = new Set(['se', 'سے', 'ago', 'back']);
/** Words that make a duration the length of one episode: "lasting 2 minutes", "lasted 1 min", "2 minute tak". */
const EPISODE_LEADING_WORDS = new Set(['lasting', 'lasted', 'lasts']);
const EPISODE_TRAILING_WORDS = new Set(['tak', 'تک']);

/** Every word these rules read, so the typo corrector leaves them alone. */
export const DURATION_WORDS: ReadonlySet<string> = new Set([
  ...UNITS.keys(),
  ...NUMBER_WORDS.keys(),
  ...RANGE_WORDS,
  ...FREQUENCY_WORDS,
  ...LAST_WORDS,
  ...RELATIVE.words,
  ...LEADING_WORDS,
  ...TRAILING_WORDS,
  ...EPISODE_LEADING_WORDS,
  ...EPISODE_TRAILING_WORDS,
]);

function round(days: number): number {
  const decimals = days < DAYS_PER_HOUR ? MINUTE_DECIMALS : DECIMALS;
  return Math.round(days * decimals) / decimals;
}

function numberOf(token: Token | undefined): number | undefined {
  if (!token) return undefined;
  // A numeral of a script Number() cannot read ("𐦼3") is no count.
  if (token.kind === 'number') return Number.isFinite(Number(token.norm)) ? Number(token.norm) : undefined;
  return NUMBER_WORDS.get(token.norm);
}

/** Reads a duration starting at token `i`, or undefined. */
function durationAt(tokens: readonly Token[], i: number, usable: (j: number) => boolean): Modifier<number> | undefined {
  const at = (j: number): Token | undefined => (usable(j) ? tokens[j] : undefined);
  const token = at(i);
  if (!token) return undefined;
  const relative = matchPhrase(RELATIVE, tokens, i, usable);
  if (relative) return { first: i, end: relative.end, value: relative.value };
  const previous = at(i - 1)?.norm;
  if (previous !== undefined && FREQUENCY_WORDS.has(previous)) return undefined;

  if (LAST_WORDS.has(token.norm)) {
    const unit = UNITS.get(at(i + 1)?.norm ?? '');
    return unit === undefined ? undefined : { first: i, end: i + 2, value: round(unit) };
  }

  let count: number | undefined;
  let j = i + 1;
  const compact = token.kind === 'word' ? COMPACT.exec(token.norm) : null;
  if (compact) {
    const [, times, digits, suffix] = compact;
    count = Number(digits);
    if (suffix && !times && AGE_SUFFIXES.has(suffix)) return undefined;
    if (suffix) return { first: i, end: i + 1, value: round(count * (COMPACT_UNITS[suffix[0] as string] ?? 1)) };
  } else {
    count = numberOf(token);
    if (count === undefined) return undefined;
    // "a few days", "a couple of weeks"
    const quantifier = NUMBER_WORDS.get(at(j)?.norm ?? '');
    if ((token.norm === 'a' || token.norm === 'an') && quantifier !== undefined && quantifier !== 1) {
      count = quantifier;
      j++;
    }
  }
  if (at(j)?.norm === 'of') j++;
  // A range counts its upper end: "2-3 days", "2 to 3 days".
  const upper = RANGE_WORDS.has(at(j)?.norm ?? '') ? numberOf(at(j + 1)) : numberOf(at(j));
  if (upper !== undefined && upper > count) {
    count = upper;
    j += RANGE_WORDS.has(at(j)?.norm ?? '') ? 2 : 1;
  }
  const next = at(j);
  if (token.kind === 'number' && next?.norm === '/') {
    const per = FRACTION_UNITS[at(j + 1)?.norm ?? ''];
    return per === undefined ? undefined : { first: i, end: j + 2, value: round(count * per) };
  }
  const unit = UNITS.get(next?.norm ?? '');
  if (unit === undefined) return undefined;
  // Ages are not durations: "5 years old", "5 saal ka bachcha".
  const after = at(j + 1)?.norm;
  if (after === 'old' || (YEAR_UNITS.has(next?.norm ?? '') && (after === 'ka' || after === 'ki' || after === 'ke'))) {
    return undefined;
  }
  return { first: i, end: j + 1, value: round(count * unit) };
}

/** Every duration in the note, in days, skipping tokens already read as symptoms. */
export function findDurations(tokens: readonly Token[], usable: (index: number) => boolean): Modifier<number>[] {
  const found: Modifier<number>[] = [];
  const wordAt = (j: number) => (usable(j) ? (tokens[j]?.norm ?? '') : '');
  let i = 0;
  while (i < tokens.length) {
    const d = usable(i) ? durationAt(tokens, i, usable) : undefined;
    if (!d) {
      i++;
      continue;
    }
    const previous = found.at(-1);
    if (LEADING_WORDS.has(wordAt(d.first - 1)) && (!previous || previous.end < d.first)) d.first--;
    if (TRAILING_WORDS.has(wordAt(d.end))) d.end++;
    if (EPISODE_LEADING_WORDS.has(wordAt(d.first - 1)) && (!previous || previous.end <= d.first - 1)) {
      d.first--;
      d.lengthOfEpisode = true;
    } else if (EPISODE_TRAILING_WORDS.has(wordAt(d.end))) {
      d.end++;
      d.lengthOfEpisode = true;
    }
    found.push(d);
    i = d.end;
  }
  return found;
}
