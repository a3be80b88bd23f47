// Reads who the patient is and what was measured from a note: age ("2 saal ka bacha", "62 yr old man", "28F",
// "2 month old", "دو سالہ", "18 hours old", "newborn"), sex, weeks of pregnancy or a pregnancy test's result, and
// vital signs with their units (temperature in °F or °C, BP 190/120, pulse as "P 118", breathing rate, SpO₂, blood
// sugar in mg/dL or mmol/L).
import type { PatientContext, Sex, VitalSigns } from '@unani/contracts';
import { NUMBER_WORDS } from './duration.ts';

export type ContextFact = 'age' | 'sex' | 'pregnancyWeeks' | 'pregnancyTest' | keyof VitalSigns;

export interface ContextMention {
  fact: ContextFact;
  /** Character offsets [start, end) in the text. */
  span: [number, number];
}

export interface TextContext {
  context: PatientContext;
  mentions: ContextMention[];
}

/** A newborn's age when the note says only "newborn": one week, in years (NICE CG98 counts the first 28 days). */
const NEWBORN_AGE_YEARS = 7 / 365;
const DAYS_PER_YEAR = 365;
const MONTHS_PER_YEAR = 12;
const WEEKS_PER_YEAR = 52;
/** Weeks in a month of pregnancy as patients count it (40 weeks ≈ 9 months + 1 week). */
const WEEKS_PER_PREGNANCY_MONTH = 4.3;
/** mg/dL per mmol/L of glucose (molar mass 180 g/mol). */
const MG_DL_PER_MMOL = 18;
/** Blood sugar readings below this with no unit are mmol/L (no living patient has 30 mg/dL and is typed as such). */
const MMOL_CEILING = 35;

const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/;

/** Lower case and Western digits, one character for one, so offsets stay those of the original text. */
function normalise(text: string): string {
  let out = '';
  for (const c of text) {
    if (ARABIC_DIGITS.test(c)) {
      const code = c.charCodeAt(0);
      out += String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
      continue;
    }
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

/** Exact counts only ("a few months old" gives no age), and not "a" ("patient a week ago" is no age). */
const VAGUE = new Set(['few', 'several', 'kai', 'a', 'an']);
const AGE_NUMBER_WORDS = new Map([...NUMBER_WORDS].filter(([word]) => !VAGUE.has(word)));
const WORD_NUMBER = [...AGE_NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
const NUM = String.raw`(\d{1,3}(?:\.\d{1,2})?|${WORD_NUMBER})`;

/** A number read from digits or from a number word. */
function numberOf(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  return AGE_NUMBER_WORDS.get(text) ?? Number(text);
}
const PERSON_EN = String.raw`(?:child|boy|girl|man|woman|lady|gentleman|male|female|baby|infant|kid|son|daughter|patient|pt|person|adult|toddler|neonate)`;
const PERSON_UR = String.raw`(?:abbu|abba|ammi|amma|dada|dadi|nana|nani|bhai|behen|bahen|walid|walida|shohar|biwi|bacha|bache|bachay|bachche|bachcha|bacchha|bachha|bachi|bachchi|baby|beta|beti|larka|ladka|larki|ladki|aadmi|admi|mard|aurat|khatoon|khatun|budha|boodha|buzurg|mareez|mariz|naumolood|shishu|munna|munni)`;
const PERSON_URDU_SCRIPT = String.raw`(?:ابو|ابا|امی|اماں|والد|والدہ|دادا|دادی|نانا|نانی|بھائی|بہن|بیٹا|بیٹی|بیٹے|بچہ|بچی|بچے|لڑکا|لڑکی|آدمی|مرد|عورت|خاتون|مریض|مریضہ|بزرگ|نومولود|شوہر|بیوی)`;
const OF_UR = String.raw`(?:ka|ki|ke|kaa|kee)`;
const OF_URDU_SCRIPT = String.raw`(?:کا|کی|کے)`;

type AgeUnit = 'y' | 'm' | 'w' | 'd';
const ageUnits: Array<[RegExp, AgeUnit]> = [
  [/^(?:y|yo|yr|yrs|year|years|saal|sal|baras|برس|سال)$/, 'y'],
  [/^(?:m|mo|mos|mth|mths|month|months|mahine|mahina|mahinay|maah|mah|ماہ|مہینے|مہینہ|ماه)$/, 'm'],
  [/^(?:w|wk|wks|week|weeks|hafte|hafta|haftay|hafton|ہفتے|ہفتہ)$/, 'w'],
  [/^(?:d|day|days|din|دن)$/, 'd'],
];
const UNIT = String.raw`(y|yo|yrs?|years?|saal|sal|baras|mo|mos|mths?|months?|mahine|mahina|mahinay|maah|mah|wks?|weeks?|hafte|hafta|haftay|days?|din|برس|سال|ماہ|مہینے|مہینہ|ہفتے|ہفتہ|دن)`;

function ageInYears(value: number, unit: AgeUnit): number {
  switch (unit) {
    case 'y':
      return value;
    case 'm':
      return value / MONTHS_PER_YEAR;
    case 'w':
      return value / WEEKS_PER_YEAR;
    case 'd':
      return value / DAYS_PER_YEAR;
  }
}

function unitOf(word: string | undefined): AgeUnit {
  for (const [pattern, unit] of ageUnits) if (word && pattern.test(word)) return unit;
  return 'y';
}

/** Patterns for an age, most specific first; group 1 is the number, group 2 (optional) the unit. */
const AGE_PATTERNS: RegExp[] = [
  // "62 yr old", "2-month-old", "3 weeks old", "10 days old", "62 y/o", "45yo"
  new RegExp(String.raw`\b${NUM}\s*-?\s*${UNIT}\s*-?\s*(?:old|of age)\b`, 'g'),
  new RegExp(String.raw`\b${NUM}\s*(y\/o|yo)\b`, 'g'),
  // "2 saal ka bacha", "7 din ki bachi", "45 saal ki aurat"
  new RegExp(String.raw`\b${NUM}\s*${UNIT}\s*${OF_UR}\s+${PERSON_UR}\b`, 'g'),
  // "78 saal ki diabetic amma", "60 saal ke bimar abba": years, then one word, then the person (years only: "3 din ki
  // bimar bachi" is a girl ill for three days)
  new RegExp(String.raw`\b${NUM}\s*(y|yrs?|years?|saal|sal|baras)\s*${OF_UR}\s+\p{L}+\s+${PERSON_UR}\b`, 'gu'),
  // "73 saal khatoon", "60 sal mareez": years straight before the person (not "3 din bacha…", a duration)
  new RegExp(String.raw`\b${NUM}\s*(y|yrs?|years?|saal|sal|baras)\s+${PERSON_UR}\b`, 'g'),
  // "دو سالہ بچی", "اسی سالہ خاتون", "5 saala bacha": the Urdu adjective of age
  new RegExp(String.raw`(?<![\p{L}\d])${NUM}\s*(سالہ|سالا|saala|saalah)(?!\p{L})`, 'gu'),
  // "2 سال کا بچہ", "پچاس سال مرد"
  new RegExp(String.raw`${NUM}\s*${UNIT}\s*(?:${OF_URDU_SCRIPT}\s*)?${PERSON_URDU_SCRIPT}`, 'g'),
  // "بچہ دو سال کا", "امی اڑسٹھ سال", "ابا جی پچھتر سال", "بچی پانچ ماہ کی" (not "… دو سال سے": a duration)
  new RegExp(String.raw`${PERSON_URDU_SCRIPT}(?:\s*(?:جی|صاحب))?\s*[،,]?\s*${NUM}\s*${UNIT}(?!\s*(?:سے|پہلے))`, 'g'),
  // "child of 6", "boy aged 8 months", "infant 8 months"
  new RegExp(String.raw`\b${PERSON_EN}\s*(?:of|aged)\s*${NUM}(?:\s*${UNIT}\b)?`, 'g'),
  // After a comma the unit is needed: "baby, 38.5" is a temperature, not an age
  new RegExp(String.raw`\b${PERSON_EN}\s*,\s*${NUM}\s*${UNIT}\b`, 'g'),
  new RegExp(String.raw`\b${PERSON_EN}\s+${NUM}\s*${UNIT}\b`, 'g'),
  // "beta 3 saal ka", "abbu 70 saal ke", "bachi 2 mahine ki"
  new RegExp(String.raw`\b${PERSON_UR}\s+${NUM}\s*${UNIT}\b(?!\s*(?:se|sey|say|from|since)\b)`, 'g'),
  // "9 month baby", "2 year child", "6 week infant"
  new RegExp(String.raw`\b${NUM}\s*-?\s*${UNIT}\s+${PERSON_EN}\b`, 'g'),
  // "age 62", "aged 6 months", "umar 2 saal", "عمر 62 سال"
  new RegExp(String.raw`(?:\b(?:age|aged|umar|umr|umer)|عمر)\s*[:=-]?\s*${NUM}(?:\s*${UNIT}\b)?`, 'g'),
  // A note that opens with an age: "55 saal, pakhane mein khoon" (not "2 saal se": a duration)
  new RegExp(String.raw`^\s*${NUM}\s*(y|yrs?|years?|saal|sal|سال|برس)\s*[,،]`, 'g'),
  // "62 years male", "30 yr female", "6 yrs boy"
  new RegExp(
    String.raw`\b${NUM}\s*-?\s*(y|yrs?|years?|saal|sal)\s*,?\s*(?:male|female|man|woman|boy|girl|lady|gentleman|m|f)\b`,
    'g',
  ),
];

/** "28F", "62 M", "28/F", "F/28", "M-62": age and sex together. A number 94–110 before F is a temperature. */
const AGE_SEX_PATTERNS: Array<{ pattern: RegExp; age: number; sex: number }> = [
  { pattern: /\b(\d{1,3})\s*\/?\s*([fm])\b(?![./]\w)/g, age: 1, sex: 2 },
  { pattern: /\b([fm])\s*[/-]\s*(\d{1,3})\b/g, age: 2, sex: 1 },
];
const FAHRENHEIT_RANGE: [number, number] = [93, 110];

/**
 * A baby's age counted from birth in hours or days: "18 hours old", "born 10 hrs ago", "پیدائش کو 18 گھنٹے ہوئے",
 * "paidaish ko 2 din", "18 ghante ka bacha". Group 1 is the number, group 2 the unit. A mother's "delivered 18 hrs
 * ago" is not read: that is her time since childbirth, not an age.
 */
const HOUR = String.raw`(h|hrs?|hours?|ghante|ghantay|گھنٹے|گھنٹہ)`;
const BIRTH_AGE_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b${NUM}\s*-?\s*${HOUR}\s*-?\s*old\b`, 'g'),
  new RegExp(String.raw`\bborn\s*(?:about\s*|around\s*)?${NUM}\s*(hrs?|hours?|days?)\s*ago\b`, 'g'),
  new RegExp(
    String.raw`(?:\b(?:paidaish|paidaaish|pedaish|birth)|پیدائش)\s*(?:ko|کو|se|سے|ke baad|کے بعد)?\s*${NUM}\s*(ghante|ghantay|hours?|hrs?|din|days?|گھنٹے|دن)`,
    'g',
  ),
  new RegExp(
    String.raw`${NUM}\s*(ghante|ghantay|hours?|hrs?|گھنٹے)\s*(?:${OF_UR}|${OF_URDU_SCRIPT})\s*(?:${PERSON_UR}|${PERSON_URDU_SCRIPT})`,
    'g',
  ),
];
const HOURS_PER_DAY = 24;

/** "kal paida hui", "born yesterday", "aaj paida hua": a baby one day old (or born today). */
const BORN_DAYS_AGO =
  /\b(?:(kal|yesterday)|(aaj|today))\s*(?:hi\s*)?(?:paida|born)\b|\b(?:born|paida)\s*(?:hu[aie]?\s*)?(yesterday|today|kal|aaj)\b/g;

const NEWBORN = /\b(?:newborn|new born|new-born|neonate|naumolood|navjaat|nav jaat)\b|نومولود|نوزائیدہ/g;

/** "newborn, jaundice on day 1", "neonate day 3", "day 2 of life": the day of life, as an age. */
const DAY_OF_LIFE =
  /\b(?:newborn|new born|new-born|neonate)\b[^.\n]{0,40}?\bday\s*(\d{1,2})\b|\bday\s*(\d{1,2})\s*of\s*life\b|\b(\d{1,2})(?:st|nd|rd|th)\s*day\s*of\s*life\b/g;

/**
 * Words that make the patient male. Relatives who often report for someone else ("husband says she fainted", "bhai
 * keh raha") are left out: calling a woman male would silence the pregnancy rules.
 */
const MALE = /\b(?:man|male|boy|gentleman|mr|aadmi|admi|mard|larka|ladka|beta|sahab|sahib|dada|nana)\b|مرد|لڑکا|آدمی/g;
const FEMALE =
  /\b(?:woman|female|girl|lady|mrs|miss|aurat|khatoon|khatun|larki|ladki|beti|bachi|bachchi|bibi|begum|pregnant|hamla|hamila|gravida|primigravida|primi|ammi|amma|walida|dadi|nani|she)\b|عورت|لڑکی|خاتون|بچی|حاملہ|امی/g;

const PREGNANCY_WORD = String.raw`(?:pregnant|pregnancy|gestation|pog|poa|hamla|hamal|haamla|hamila|حمل|حاملہ)`;
const PREGNANCY_PATTERNS: Array<{ pattern: RegExp; months: boolean }> = [
  {
    pattern: new RegExp(
      String.raw`\b(\d{1,2})\s*\+?\d?\s*(?:weeks?|wks?|w|hafte|haftay)\s*(?:of\s*)?(?:${OF_UR}\s*)?${PREGNANCY_WORD}`,
      'g',
    ),
    months: false,
  },
  {
    pattern:
      /\b(?:pog|poa|ga|gestation(?:al age)?|period of gestation)\s*[:=-]?\s*(\d{1,2})\s*(?:\+\d\s*)?(?:weeks?|wks?|w)?\b/g,
    months: false,
  },
  {
    pattern: new RegExp(String.raw`\b${PREGNANCY_WORD}\s*(?:of|at|,)?\s*(\d{1,2})\s*(?:weeks?|wks?)\b`, 'g'),
    months: false,
  },
  {
    pattern: new RegExp(
      String.raw`\b(\d)(?:st|nd|rd|th)?\s*(?:months?|mahine|mahina|maah|mah)\s*(?:of\s*)?(?:${OF_UR}\s*)?(?:se\s*)?(?:the\s*)?${PREGNANCY_WORD}`,
      'g',
    ),
    months: true,
  },
  { pattern: /(\d)\s*(?:ماہ|مہینے)\s*(?:کا|کی)?\s*(?:حمل|حاملہ)/g, months: true },
  // "G1 16 wks", "g2, 30 weeks": gravida without para, then the weeks.
  { pattern: /\bg\d{1,2}\s*[,-]?\s*(?:at\s*)?(\d{1,2})\s*(?:\+\d\s*)?(?:weeks?|wks?)\b/g, months: false },
  // "26/40": weeks of forty, the obstetric shorthand (not Snellen's "vision 20/40").
  {
    pattern:
      /(?<!(?:vision|visual|acuity|va|eyes?|nazar)\s*[:=-]?\s*)(?<![\d/.])(\d{1,2})\s*\/\s*40\b(?!\s*(?:mm|over|\/))/g,
    months: false,
  },
];

/** "G2P1", "G3 P2 A0 at 34 wks", "g2p1, 30 weeks": gravida, para and (optionally) the weeks now. */
const OBSTETRIC =
  /\bg(\d{1,2})\s*p(\d{1,2})(?:\s*[al]\d{1,2})*(?:\s*(?:at|,|with|-)?\s*(\d{1,2})\s*(?:\+\d\s*)?(?:weeks?|wks?|w)\b)?/g;

/** Weeks at the start of a note or clause, not followed by a word that makes them a duration or an age. */
const BARE_GESTATION =
  /(?:^|[,.;،]\s*|\bat\s+|(?<=\b\d{2}\s?f\s))(\d{2})\s*(?:\+\d\s*)?(?:weeks?|wks?|hafte|haftay)\b(?!\s*(?:old|se\b|ago|back|pehle|ka\b|ki\b|ke\b|of\b|now|since))/g;

/** A pregnancy test's result: "UPT +ve", "pregnancy test negative", "حمل کا ٹیسٹ منفی"; group 1 positive, 2 negative. */
const PREGNANCY_TEST =
  /(?:\b(?:upt|urine pregnancy test|urine hcg|pregnancy test|preg(?:nancy)? kit|hcg)|حمل کا ٹیسٹ)\s*(?:is|was|:|=|-)?\s*(?:(positive|pos\b|\+ve|\+|musbat|مثبت)|(negative|neg\b|-ve|−ve|manfi|منفی))/g;
/** "not pregnant", "pregnant nahi", "حاملہ نہیں": said of the patient, who is then not pregnant. */
const NOT_PREGNANT = /\bnot pregnant\b|\bpregnant (?:nahi|nahin)\b|حاملہ نہیں/g;

const SEP = String.raw`\s*(?:of|is|was|at|:|=|-|–)?\s*`;
const TEMPERATURE_WORD = String.raw`(?:\b(?:temp(?:erature)?|tmax|t|bukhar|bukhaar|fever|taap|tap|thermometer|tharmameter)|بخار|درجہ حرارت|تھرمامیٹر)`;
/** "thermometer par 38.5", "تھرمامیٹر پر 38.5", "thermometer showed 102". */
const TEMPERATURE_SEP = String.raw`\s*(?:of|is|was|at|on|par|pe|pr|پر|showed|shows|reads|read|reading|:|=|-|–)?\s*`;
const TEMPERATURE_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`${TEMPERATURE_WORD}${TEMPERATURE_SEP}(\d{2,3}(?:\.\d{1,2})?)\s*(°|º|deg(?:rees?)?)?\s*(f|c|fahrenheit|celsius)?\b`,
    'g',
  ),
  /\b(\d{2,3}(?:\.\d{1,2})?)\s*(°|º|deg(?:rees?)?)\s*(f|c|fahrenheit|celsius)?\b/g,
  /\b(\d{2,3}(?:\.\d{1,2})?)\s*()(fahrenheit|celsius)\b/g,
  /\b(\d{2,3}(?:\.\d{1,2})?)\s*()(f)\b(?![./]\w)/g,
];
const BP_PATTERNS: RegExp[] = [
  new RegExp(
    // Up to three words may stand between ("BP check karaya 144/94", "BP today 150/95", "BP check at pharmacy 196/124").
    String.raw`(?:\b(?:bp|b\.p\.?|blood pressure|b/p|fishar(?:-e-dam)?)|بی پی|بلڈ پریشر|فشار خون)${SEP}(?:[a-z]+\s+){0,3}?(\d{2,3})\s*(?:\/|over)\s*(\d{2,3})`,
    'g',
  ),
  /\b(\d{2,3})\s*\/\s*(\d{2,3})\s*(?:mm\s*hg|mmhg)/g,
];
/**
 * The rhythm a register may write before the rate: "P irregularly irregular 112", "pulse regular 72", "دھڑکن بے ترتیب،
 * 130".
 */
const RHYTHM = String.raw`(?:(?:irregularly\s+irregular|regularly\s+irregular|irregular|regular|irreg|reg|be\s*tarteeb|بے\s*ترتیب)\s*[,،]?\s*)?`;
const PULSE_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(?:\b(?:pulse(?: rate)?|pr|hr|heart rate|nabz|dhadkan)|نبض|دھڑکن)${SEP}${RHYTHM}(\d{2,3})\s*(?:\/\s*min|bpm|beats|per min(?:ute)?)?`,
    'g',
  ),
  // The register's bare "P 128", "P: 96/min" (not "P2" of G2P2, nor a ratio or a percentage)
  new RegExp(
    String.raw`(?<![\p{L}\d/])p\s*[:=-]?\s*${RHYTHM}(\d{2,3})(?!\d|\.\d|\s*(?:%|\/\s*\d))\s*(?:\/\s*min|bpm|per min(?:ute)?)?`,
    'gu',
  ),
];
const RR_PATTERNS: RegExp[] = [
  // "RR 54", "RR counted 53", "resp rate: 40"
  new RegExp(
    String.raw`\b(?:rr|resp(?:iratory)?(?: rate)?|respirations?|breathing rate|breaths?)(?:\s+counted|\s+count)?${SEP}(\d{1,3})`,
    'g',
  ),
  /\b(\d{1,3})\s*breaths?\s*(?:\/|per|a)\s*min/g,
  // "saans 56/min gini" (breaths counted per minute)
  /\b(?:saans|sans|سانس)\s*(\d{2,3})\s*(?:\/\s*min|per min|fi minute)/g,
];
const SPO2_PATTERN = new RegExp(
  String.raw`(?:(?:\b(?:spo2|sp02|spo₂|sao2|o2 sat(?:uration)?|oxygen(?: saturation| sat| level)?|sats?|saturation|pulse ox)|آکسیجن)${SEP}(\d{2,3})\s*%?)|\bspo₂${SEP}(\d{2,3})`,
  'g',
);
const SUGAR_PATTERN = new RegExp(
  String.raw`(?:\b(?:sugar|rbs|fbs|grbs|ppbs|cbg|bsl|bsr|glucose|blood sugar|blood glucose|bg|glucometer)|شوگر)(?: level| reading)?${SEP}(\d{1,4}(?:\.\d)?)\s*(mg\s*\/?\s*dl|mg%|mg|mmol(?:\s*\/\s*l)?)?`,
  'g',
);

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    yield m;
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

const spanOf = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];

/** Reads age, sex, pregnancy weeks and vital signs from a note. Facts not stated are left out, never guessed. */
export function readPatientContext(text: string): TextContext {
  const t = normalise(text);
  const context: PatientContext = {};
  const vitals: VitalSigns = {};
  const mentions: ContextMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: [number, number]) => !taken.some(([a, b]) => s[0] < b && a < s[1]);
  const note = (fact: ContextFact, span: [number, number]) => {
    mentions.push({ fact, span });
    taken.push(span);
  };

  // Obstetric notation: G3P2 is a third pregnancy after two births, so a pregnancy now ("G3P2 at 34 wks").
  for (const m of matches(OBSTETRIC, t)) {
    if (Number(m[1]) > Number(m[2])) context.pregnant = true;
    const weeks = m[3] === undefined ? undefined : Number(m[3]);
    if (weeks !== undefined && weeks >= 1 && weeks <= 44 && context.pregnancyWeeks === undefined) {
      context.pregnancyWeeks = weeks;
      context.pregnant = true;
    }
    note('pregnancyWeeks', spanOf(m));
  }

  // Pregnancy first, so "7 mahine ki hamla" is read as weeks of pregnancy, not the age of a 7-month-old.
  for (const { pattern, months } of PREGNANCY_PATTERNS) {
    for (const m of matches(pattern, t)) {
      const value = Number(m[1]);
      const weeks = months ? value * WEEKS_PER_PREGNANCY_MONTH : value;
      if (context.pregnancyWeeks !== undefined || weeks < 1 || weeks > 44 || !free(spanOf(m))) continue;
      context.pregnancyWeeks = Math.round(weeks);
      context.pregnant = true;
      note('pregnancyWeeks', spanOf(m));
    }
  }

  // A test result outranks silence, never a stated pregnancy: "UPT negative" lets the pregnancy rules rest.
  for (const m of matches(PREGNANCY_TEST, t)) {
    if (m[1]) context.pregnant = true;
    else if (context.pregnant === undefined) context.pregnant = false;
    note('pregnancyTest', spanOf(m));
  }
  if (context.pregnant === undefined && [...matches(NOT_PREGNANT, t)].length > 0) context.pregnant = false;

  // Temperature and blood pressure before age, so "104 F" is a fever, not a 104-year-old woman.
  for (const pattern of TEMPERATURE_PATTERNS) {
    for (const m of matches(pattern, t)) {
      if (vitals.temperatureC !== undefined || !free(spanOf(m))) continue;
      const value = Number(m[1]);
      const unit = m[3]?.[0];
      const celsius =
        unit === 'c' || (!unit && value >= 30 && value <= 45)
          ? value
          : unit === 'f' || (!unit && value >= FAHRENHEIT_RANGE[0] && value <= FAHRENHEIT_RANGE[1])
            ? ((value - 32) * 5) / 9
            : undefined;
      if (celsius === undefined || celsius < 30 || celsius > 45) continue;
      // A bare "100 F" is only a temperature in the Fahrenheit range; "20 F" is an age and sex.
      if (unit === 'f' && !m[2] && (value < FAHRENHEIT_RANGE[0] || value > FAHRENHEIT_RANGE[1])) continue;
      vitals.temperatureC = Math.round(celsius * 10) / 10;
      note('temperatureC', spanOf(m));
    }
  }
  for (const pattern of BP_PATTERNS) {
    for (const m of matches(pattern, t)) {
      const systolic = Number(m[1]);
      const diastolic = Number(m[2]);
      if (vitals.systolic !== undefined || !free(spanOf(m))) continue;
      if (systolic < 50 || systolic > 300 || diastolic < 20 || diastolic > 200 || diastolic >= systolic) continue;
      vitals.systolic = systolic;
      vitals.diastolic = diastolic;
      note('systolic', spanOf(m));
    }
  }
  for (const pattern of PULSE_PATTERNS) {
    for (const m of matches(pattern, t)) {
      const pulse = Number(m[1]);
      if (vitals.pulse !== undefined || pulse < 20 || pulse > 300 || !free(spanOf(m))) continue;
      vitals.pulse = pulse;
      note('pulse', spanOf(m));
    }
  }
  for (const pattern of RR_PATTERNS) {
    for (const m of matches(pattern, t)) {
      const rate = Number(m[1]);
      if (vitals.respiratoryRate !== undefined || rate < 4 || rate > 120 || !free(spanOf(m))) continue;
      vitals.respiratoryRate = rate;
      note('respiratoryRate', spanOf(m));
    }
  }
  for (const m of matches(SPO2_PATTERN, t)) {
    const spo2 = Number(m[1] ?? m[2]);
    if (vitals.spo2 !== undefined || spo2 < 30 || spo2 > 100 || !free(spanOf(m))) continue;
    vitals.spo2 = spo2;
    note('spo2', spanOf(m));
  }
  for (const m of matches(SUGAR_PATTERN, t)) {
    const value = Number(m[1]);
    const unit = m[2] ?? '';
    if (vitals.bloodSugarMgDl !== undefined || !free(spanOf(m))) continue;
    const mgDl = unit.startsWith('mmol') || (!unit && value < MMOL_CEILING) ? value * MG_DL_PER_MMOL : value;
    if (mgDl < 10 || mgDl > 2000) continue;
    vitals.bloodSugarMgDl = Math.round(mgDl);
    note('bloodSugarMgDl', spanOf(m));
  }

  // Age and sex together ("28F"), then age alone.
  let sexFromAge: Sex | undefined;
  for (const { pattern, age, sex } of AGE_SEX_PATTERNS) {
    for (const m of matches(pattern, t)) {
      const years = Number(m[age]);
      const letter = m[sex];
      if (context.ageYears !== undefined || !free(spanOf(m)) || years > 120) continue;
      context.ageYears = years;
      sexFromAge = letter === 'f' ? 'female' : 'male';
      note('age', spanOf(m));
    }
  }
  for (const pattern of AGE_PATTERNS) {
    for (const m of matches(pattern, t)) {
      if (context.ageYears !== undefined || !free(spanOf(m))) continue;
      const years = ageInYears(numberOf(m[1]), unitOf(m[2]));
      if (Number.isNaN(years)) continue;
      if (years > 120) continue;
      context.ageYears = Math.round(years * 1000) / 1000;
      note('age', spanOf(m));
    }
  }
  for (const pattern of BIRTH_AGE_PATTERNS) {
    for (const m of matches(pattern, t)) {
      if (context.ageYears !== undefined || !free(spanOf(m))) continue;
      const value = numberOf(m[1]);
      const days = /^(?:h|hrs?|hours?|ghante|ghantay|گھنٹے|گھنٹہ)$/.test(m[2] ?? '') ? value / HOURS_PER_DAY : value;
      if (Number.isNaN(days) || days > DAYS_PER_YEAR) continue;
      context.ageYears = Math.round((days / DAYS_PER_YEAR) * 10_000) / 10_000;
      note('age', spanOf(m));
    }
  }
  if (context.ageYears === undefined) {
    for (const m of matches(BORN_DAYS_AGO, t)) {
      const today = Boolean(m[2]) || m[3] === 'today' || m[3] === 'aaj';
      context.ageYears = Math.round(((today ? 0.5 : 1) / DAYS_PER_YEAR) * 10_000) / 10_000;
      note('age', spanOf(m));
      break;
    }
  }
  if (context.ageYears === undefined) {
    for (const m of matches(DAY_OF_LIFE, t)) {
      const day = Number(m[1] ?? m[2] ?? m[3]);
      if (!(day >= 1 && day <= 28)) continue;
      // Day 1 is the first 24 hours of life.
      context.ageYears = Math.round(((day - 0.5) / DAYS_PER_YEAR) * 10_000) / 10_000;
      note('age', spanOf(m));
      break;
    }
  }
  if (context.ageYears === undefined) {
    for (const m of matches(NEWBORN, t)) {
      if (context.ageYears !== undefined) break;
      context.ageYears = Math.round(NEWBORN_AGE_YEARS * 1000) / 1000;
      note('age', spanOf(m));
    }
  }

  const male = [...matches(MALE, t)].length > 0;
  const female = [...matches(FEMALE, t)].length > 0 || context.pregnant === true;
  const sex = sexFromAge ?? (male && !female ? 'male' : female && !male ? 'female' : undefined);
  if (sex) context.sex = sex;

  // "34 weeks, routine visit": weeks standing alone at the head of a clause are a gestation in obstetric notes, but
  // only for a patient who could be pregnant, and never "2 weeks se" or "14 weeks old".
  if (context.pregnancyWeeks === undefined && context.sex !== 'male') {
    const age = context.ageYears;
    const childbearing = age === undefined || (age >= 12 && age <= 55);
    for (const m of matches(BARE_GESTATION, t)) {
      const weeks = Number(m[1]);
      if (!childbearing || weeks < 12 || weeks > 42 || !free(spanOf(m))) continue;
      context.pregnancyWeeks = weeks;
      context.pregnant = true;
      context.sex = 'female';
      note('pregnancyWeeks', spanOf(m));
      break;
    }
  }

  if (Object.keys(vitals).length > 0) context.vitals = vitals;
  mentions.sort((a, b) => a.span[0] - b.span[0]);
  return { context, mentions };
}
