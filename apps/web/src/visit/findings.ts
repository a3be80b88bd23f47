// The visit's findings as the practitioner edits them: parsed from the complaint, picked, or answered.
import { type Finding, FindingInput, FindingOrigin } from '@unani/contracts';
import { z } from 'zod';

/** A finding as the visit screen holds it: with its display name and where it came from. */
export const DraftFinding = FindingInput.extend({ name: z.string(), origin: FindingOrigin });
export type DraftFinding = z.infer<typeof DraftFinding>;

/** Parsed findings the practitioner has neither removed nor overridden, then the picked and answered ones. */
export function mergeFindings(
  parsed: Finding[],
  manual: DraftFinding[],
  dismissed: ReadonlySet<string>,
): DraftFinding[] {
  const overridden = new Set(manual.map((f) => f.symptom));
  const fromText = parsed
    .filter((f) => !dismissed.has(f.symptom) && !overridden.has(f.symptom))
    .map((f) => ({ ...f, origin: 'text' as const }));
  return [...fromText, ...manual];
}

/** What the API stores: the finding without its display name. */
export function toFindingInput({ name: _name, ...finding }: DraftFinding): FindingInput {
  return finding;
}

export type DurationUnit = 'hours' | 'days' | 'weeks' | 'months' | 'years';
const shortUnits: Record<DurationUnit, string> = { hours: 'h', days: 'd', weeks: 'wk', months: 'mo', years: 'y' };
const shortEnglish = (unit: DurationUnit, n: number) => `${n} ${shortUnits[unit]}`;

const DAYS_PER_WEEK = 7;
const DAYS_PER_MONTH = 30;
const DAYS_PER_YEAR = 365;

/** A short duration such as "3 d", "2 wk", "6 mo" or "12 h"; `say` words it in another language. */
export function durationLabel(days: number, say: (unit: DurationUnit, n: number) => string = shortEnglish): string {
  if (days < 1) return say('hours', Math.max(1, Math.round(days * 24)));
  if (days >= DAYS_PER_YEAR) return say('years', Math.round((days / DAYS_PER_YEAR) * 10) / 10);
  if (days >= 2 * DAYS_PER_MONTH && days % DAYS_PER_MONTH === 0) return say('months', days / DAYS_PER_MONTH);
  if (days >= 2 * DAYS_PER_WEEK && days % DAYS_PER_WEEK === 0) return say('weeks', days / DAYS_PER_WEEK);
  return say('days', Math.round(days * 10) / 10);
}
