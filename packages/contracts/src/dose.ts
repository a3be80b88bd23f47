// Reads a written dose ("5 g twice daily", "125–500 mg", "1 tsp three times a day") into an amount per dose and
// doses per day, so a plan can be checked against a drug's maximum. What cannot be read is left unread, not guessed.

export const doseUnits = ['mg', 'g', 'ml', 'drops', 'tablets'] as const;
export type DoseUnit = (typeof doseUnits)[number];

export interface ReadDose {
  /** The largest amount per dose the text allows (the upper end of a range). */
  amount: number;
  unit: DoseUnit;
  /** Doses a day; 1 when the text names no frequency ("at bedtime", "in the morning"). */
  perDay: number;
}

const UNIT_WORDS: Array<[RegExp, DoseUnit, number]> = [
  [/^(mg|milligrams?)$/, 'mg', 1],
  [/^(g|gm|gms|grams?)$/, 'g', 1],
  [/^(ml|mls|millilitres?|milliliters?)$/, 'ml', 1],
  // A level teaspoon holds 5 ml, a tablespoon 15 ml (WHO/British Pharmacopoeia measures).
  [/^(tsp|teaspoons?|teaspoonfuls?)$/, 'ml', 5],
  [/^(tbsp|tablespoons?|tablespoonfuls?)$/, 'ml', 15],
  [/^(drops?)$/, 'drops', 1],
  [/^(tablets?|tabs?|pills?|capsules?|caps?)$/, 'tablets', 1],
];

const FREQUENCIES: Array<[RegExp, number]> = [
  [/\b(four times|4 times|qid|q\.i\.d\.?)\b/, 4],
  [/\b(three times|thrice|3 times|tds|t\.d\.s\.?|tid|t\.i\.d\.?)\b/, 3],
  [/\b(twice|two times|2 times|bd|b\.d\.?|bid|b\.i\.d\.?|morning and evening|morning and night)\b/, 2],
];

/** The dose in `text`, or undefined when it names no amount with a unit (e.g. "q.s.", "as required"). */
export function readDose(text: string): ReadDose | undefined {
  const t = text.toLowerCase();
  const number = /(\d+(?:\.\d+)?)\s*(?:(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*([a-z]+)/g;
  for (let m = number.exec(t); m !== null; m = number.exec(t)) {
    const unitWord = m[3] ?? '';
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(unitWord));
    if (!unit) continue;
    const upper = Number(m[2] ?? m[1]);
    const perDay = FREQUENCIES.find(([pattern]) => pattern.test(t))?.[1] ?? 1;
    return { amount: upper * unit[2], unit: unit[1], perDay };
  }
  return undefined;
}

/** Milligrams for mass units, else the amount in its own unit; used to compare like with like. */
export function inBaseUnit(amount: number, unit: DoseUnit): { amount: number; unit: DoseUnit } {
  return unit === 'g' ? { amount: amount * 1000, unit: 'mg' } : { amount, unit };
}

/** The daily amount of a dose in its base unit (mg for g), or undefined when unreadable. */
export function dailyAmount(text: string): { amount: number; unit: DoseUnit } | undefined {
  const dose = readDose(text);
  if (!dose) return undefined;
  return inBaseUnit(dose.amount * dose.perDay, dose.unit);
}
