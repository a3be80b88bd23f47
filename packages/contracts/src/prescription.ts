// A medicine item's dose as parts (amount, unit, how often, route, how long), so it can be checked, edited field by
// field and written on the patient's note in the note's language. The written form ("5 g twice daily", "2 weeks")
// is derived from the parts; a knowledge-base dose in words is read into parts where its words are understood, and
// whatever is not understood is kept as instructions, never dropped.
import { z } from 'zod';

export const prescriptionUnits = [
  'g',
  'mg',
  'ml',
  'drops',
  'tablets',
  'pills',
  'capsules',
  'tsp',
  'tbsp',
  'cups',
  'qs',
] as const;
export const prescriptionFrequencies = [
  'once-daily',
  'twice-daily',
  'three-times-daily',
  'four-times-daily',
  'morning',
  'bedtime',
  'as-needed',
] as const;
export const prescriptionRoutes = [
  'oral',
  'local',
  'gargle',
  'nasal',
  'inhaled',
  'eye',
  'ear',
  'rectal',
  'vaginal',
] as const;
export const durationUnits = ['days', 'weeks', 'months', 'cycles'] as const;

export type PrescriptionUnit = (typeof prescriptionUnits)[number];
export type PrescriptionFrequency = (typeof prescriptionFrequencies)[number];
export type PrescriptionRoute = (typeof prescriptionRoutes)[number];
export type DurationUnit = (typeof durationUnits)[number];

const Amount = z.number().positive().max(100_000);
const Count = z.number().int().positive().max(3650);

export const Prescription = z
  .object({
    /** Amount per dose; absent only for q.s. (as much as suffices). */
    amount: Amount.optional(),
    /** The upper end of a range ("5–7 g"). */
    amountMax: Amount.optional(),
    unit: z.enum(prescriptionUnits),
    frequency: z.enum(prescriptionFrequencies).optional(),
    route: z.enum(prescriptionRoutes).default('oral'),
    duration: Count.optional(),
    durationMax: Count.optional(),
    durationUnit: z.enum(durationUnits).optional(),
  })
  .refine((p) => p.unit === 'qs' || p.amount !== undefined, {
    message: 'an amount is needed unless the unit is q.s.',
    path: ['amount'],
  })
  .refine((p) => p.amountMax === undefined || (p.amount !== undefined && p.amountMax > p.amount), {
    message: 'the upper amount is above the lower one',
    path: ['amountMax'],
  })
  .refine((p) => (p.duration === undefined) === (p.durationUnit === undefined), {
    message: 'a duration has a number and a unit',
    path: ['durationUnit'],
  })
  .refine((p) => p.durationMax === undefined || (p.duration !== undefined && p.durationMax > p.duration), {
    message: 'the longer duration is above the shorter one',
    path: ['durationMax'],
  })
  .meta({ id: 'Prescription' });
export type Prescription = z.infer<typeof Prescription>;
export type PrescriptionInput = z.input<typeof Prescription>;

// ---- Writing a prescription out --------------------------------------------------------------------------------

type Language = 'en' | 'ur';

const UNIT_WORDS: Record<PrescriptionUnit, Record<Language, [one: string, many: string]>> = {
  g: { en: ['g', 'g'], ur: ['گرام', 'گرام'] },
  mg: { en: ['mg', 'mg'], ur: ['ملی گرام', 'ملی گرام'] },
  ml: { en: ['ml', 'ml'], ur: ['ملی لیٹر', 'ملی لیٹر'] },
  drops: { en: ['drop', 'drops'], ur: ['قطرہ', 'قطرے'] },
  tablets: { en: ['tablet', 'tablets'], ur: ['گولی', 'گولیاں'] },
  pills: { en: ['pill', 'pills'], ur: ['گولی', 'گولیاں'] },
  capsules: { en: ['capsule', 'capsules'], ur: ['کیپسول', 'کیپسول'] },
  tsp: { en: ['tsp', 'tsp'], ur: ['چائے کا چمچ', 'چائے کے چمچ'] },
  tbsp: { en: ['tbsp', 'tbsp'], ur: ['کھانے کا چمچ', 'کھانے کے چمچ'] },
  cups: { en: ['cup', 'cups'], ur: ['پیالی', 'پیالیاں'] },
  qs: { en: ['q.s.', 'q.s.'], ur: ['حسب ضرورت مقدار', 'حسب ضرورت مقدار'] },
};

const FREQUENCY_WORDS: Record<PrescriptionFrequency, Record<Language, string>> = {
  'once-daily': { en: 'once daily', ur: 'دن میں ایک بار' },
  'twice-daily': { en: 'twice daily', ur: 'دن میں دو بار' },
  'three-times-daily': { en: 'three times daily', ur: 'دن میں تین بار' },
  'four-times-daily': { en: 'four times daily', ur: 'دن میں چار بار' },
  morning: { en: 'in the morning', ur: 'صبح کے وقت' },
  bedtime: { en: 'at bedtime', ur: 'سوتے وقت' },
  'as-needed': { en: 'as required', ur: 'ضرورت کے وقت' },
};

/** How a route reads inside the dose; taken by mouth goes without saying. */
const ROUTE_WORDS: Record<PrescriptionRoute, Record<Language, string>> = {
  oral: { en: '', ur: '' },
  local: { en: 'applied locally', ur: 'متاثرہ جگہ پر لگائیں' },
  gargle: { en: 'as gargle', ur: 'غرارے کے لیے' },
  nasal: { en: 'in the nose', ur: 'ناک میں' },
  inhaled: { en: 'inhaled', ur: 'سونگھنے یا بھاپ کے لیے' },
  eye: { en: 'in the eye', ur: 'آنکھ میں' },
  ear: { en: 'in the ear', ur: 'کان میں' },
  rectal: { en: 'rectally', ur: 'مقعد میں' },
  vaginal: { en: 'vaginally', ur: 'اندام نہانی میں' },
};

const DURATION_WORDS: Record<DurationUnit, Record<Language, [one: string, many: string]>> = {
  days: { en: ['day', 'days'], ur: ['دن', 'دن'] },
  weeks: { en: ['week', 'weeks'], ur: ['ہفتہ', 'ہفتے'] },
  months: { en: ['month', 'months'], ur: ['مہینہ', 'مہینے'] },
  cycles: { en: ['cycle', 'cycles'], ur: ['ماہواری کا دور', 'ماہواری کے دور'] },
};

/**
 * A number or range as written. In Urdu it is isolated left-to-right (U+2066 … U+2069) so "5–7" is not reordered
 * to "7–5" inside right-to-left text.
 */
function quantity(low: number, high: number | undefined, language: Language): string {
  const text = high === undefined ? `${low}` : `${low}–${high}`;
  return language === 'ur' ? `\u2066${text}\u2069` : text;
}

/** "5 g twice daily", "q.s. applied locally twice daily"; in Urdu "5 گرام، دن میں دو بار". */
export function doseText(p: Prescription, language: Language = 'en'): string {
  const [one, many] = UNIT_WORDS[p.unit][language];
  const amount =
    p.amount === undefined
      ? many
      : `${quantity(p.amount, p.amountMax, language)} ${p.amount === 1 && p.amountMax === undefined ? one : many}`;
  const parts = [amount, ROUTE_WORDS[p.route][language], p.frequency ? FREQUENCY_WORDS[p.frequency][language] : ''];
  return parts.filter(Boolean).join(language === 'ur' ? '، ' : ' ');
}

/** "2 weeks", "5–7 days"; in Urdu "2 ہفتے"; empty when no duration is set. */
export function durationText(p: Prescription, language: Language = 'en'): string {
  if (p.duration === undefined || p.durationUnit === undefined) return '';
  const [one, many] = DURATION_WORDS[p.durationUnit][language];
  const word = p.duration === 1 && p.durationMax === undefined ? one : many;
  return `${quantity(p.duration, p.durationMax, language)} ${word}`;
}

// ---- Reading a written dose into parts -------------------------------------------------------------------------

const UNIT_PATTERNS: Array<[RegExp, PrescriptionUnit]> = [
  [/^(?:mg|milligrams?)$/, 'mg'],
  [/^(?:g|gm|gms|grams?)$/, 'g'],
  [/^(?:ml|mls|millilitres?|milliliters?)$/, 'ml'],
  [/^drops?$/, 'drops'],
  [/^(?:tablets?|tabs?)$/, 'tablets'],
  [/^pills?$/, 'pills'],
  [/^(?:capsules?|caps?)$/, 'capsules'],
  [/^(?:tsp|teaspoons?|teaspoonfuls?)$/, 'tsp'],
  [/^(?:tbsp|tablespoons?|tablespoonfuls?)$/, 'tbsp'],
  [/^cups?$/, 'cups'],
];

const FREQUENCY_PATTERNS: Array<[RegExp, PrescriptionFrequency]> = [
  [/\b(?:four times(?: daily| a day)?|qid)\b/i, 'four-times-daily'],
  [/\b(?:three times(?: daily| a day)?|thrice(?: daily)?|tds|tid)\b/i, 'three-times-daily'],
  [/\b(?:twice(?: daily| a day)?|two times(?: daily| a day)?|bd|bid)\b/i, 'twice-daily'],
  [/\b(?:once daily|once a day|daily)\b/i, 'once-daily'],
  [/\bin the morning\b/i, 'morning'],
  [/\b(?:at bedtime|at night)\b/i, 'bedtime'],
  [/\b(?:as required|when needed|as needed)\b/i, 'as-needed'],
];

/** Words that say the medicine is not swallowed; the words stay in the instructions. */
const ROUTE_PATTERNS: Array<[RegExp, PrescriptionRoute]> = [
  [/\bgargles?\b/i, 'gargle'],
  [/\beyes?\b/i, 'eye'],
  [/\bears?\b/i, 'ear'],
  [/\b(?:nose|nostrils?|nasal)\b/i, 'nasal'],
  [/\b(?:smell(?:ed)?|inhal\w*|steam|shamoom)\b/i, 'inhaled'],
  [/\b(?:applied|apply|massaged?|rubbed|sprinkled|paste|bath water|local(?:ly)?)\b/i, 'local'],
];

const DURATION_PATTERN = /^(\d+)(?:\s*[–-]\s*(\d+))?\s*(days?|weeks?|months?|cycles?)\b/i;
const DURATION_UNIT: Record<string, DurationUnit> = { day: 'days', week: 'weeks', month: 'months', cycle: 'cycles' };

/** Trims what is left of a phrase once its read parts are taken out: stray commas, semicolons and spaces. */
function leftover(text: string): string {
  return text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,;])/g, '$1')
    .replace(/^[\s,;]+|[\s,;]+$/g, '')
    .trim();
}

export interface ReadPrescription {
  /** The parts, when an amount and unit (or q.s.) could be read; otherwise undefined. */
  prescription?: Prescription;
  /** Every word the parts do not hold ("with milk", "licked", "(Zukam Har)"), to be kept with the item. */
  instructions: string;
}

/**
 * Reads "10 g licked twice daily" and "5–7 days (Zukam Barid)" into parts plus leftover instructions. When the dose
 * names no amount that can be read, no parts are returned and the dose and duration stay whole in `instructions`.
 */
export function readPrescription(
  dose: string | null | undefined,
  duration: string | null | undefined,
): ReadPrescription {
  const doseWords = (dose ?? '').trim();
  const durationWords = (duration ?? '').trim();
  const amountMatch = /^(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*([a-z]+)\b/i.exec(doseWords);
  const unit = amountMatch
    ? UNIT_PATTERNS.find(([pattern]) => pattern.test((amountMatch[3] ?? '').toLowerCase()))?.[1]
    : /^q\.?\s?s\.?(?=\s|$)/i.test(doseWords)
      ? 'qs'
      : undefined;
  if (!unit) return { instructions: leftover([doseWords, durationWords].filter(Boolean).join('; ')) };

  let rest = amountMatch ? doseWords.slice(amountMatch[0].length) : doseWords.replace(/^q\.?\s?s\.?/i, '');
  const frequencyFound = FREQUENCY_PATTERNS.find(([pattern]) => pattern.test(rest));
  if (frequencyFound) rest = rest.replace(frequencyFound[0], ' ');
  const route = ROUTE_PATTERNS.find(([pattern]) => pattern.test(rest))?.[1] ?? 'oral';
  // "applied locally" and "as gargle" say nothing the route does not; other route words describe how.
  rest = rest.replace(/\bapplied locally\b|\bas gargle\b/i, ' ');

  const parts: PrescriptionInput = { unit, route };
  if (amountMatch) {
    parts.amount = Number(amountMatch[1]);
    if (amountMatch[2] !== undefined) parts.amountMax = Number(amountMatch[2]);
  }
  if (frequencyFound) parts.frequency = frequencyFound[1];

  let durationRest = durationWords;
  const durationMatch = DURATION_PATTERN.exec(durationWords);
  if (durationMatch) {
    const word = (durationMatch[3] ?? '').toLowerCase().replace(/s$/, '');
    parts.duration = Number(durationMatch[1]);
    if (durationMatch[2] !== undefined) parts.durationMax = Number(durationMatch[2]);
    parts.durationUnit = DURATION_UNIT[word];
    durationRest = durationWords.slice(durationMatch[0].length);
  }
  const parsed = Prescription.safeParse(parts);
  if (!parsed.success) return { instructions: leftover([doseWords, durationWords].filter(Boolean).join('; ')) };
  const instructions = [leftover(rest), leftover(durationRest)].filter(Boolean).join('; ');
  return { prescription: parsed.data, instructions };
}
