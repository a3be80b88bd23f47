// Reads the triage safety set: a CSV with the columns `id,text,expected` and optional record context
// `age_years,sex,pregnant` (see data/evaluation/README.md).
import { type PatientContext, TriageLevel } from '@unani/contracts';
import { parse } from 'csv-parse/sync';

export interface TriageCase {
  line: number;
  id: string;
  text: string;
  /** The record's context, when the row gives one (the note itself may say more). */
  context: PatientContext;
  expected: TriageLevel;
  group?: string;
}

/** Parses `text`; throws naming the missing column or the first invalid row. */
export function parseTriageCases(text: string): TriageCase[] {
  const [header, ...rows] = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  for (const needed of ['id', 'text', 'expected'])
    if (at(needed) < 0)
      throw new Error(
        `Triage file needs a header with columns "id,text,expected" (found "${(header ?? []).join(',')}")`,
      );
  return rows.map((row, i) => {
    const line = i + 2;
    const cell = (name: string) => (at(name) >= 0 ? (row[at(name)] ?? '').trim() : '');
    const expected = TriageLevel.safeParse(cell('expected'));
    if (!expected.success)
      throw new Error(`Triage file line ${line}: expected must be emergency, urgent, consult or selfcare`);
    const context: PatientContext = {};
    const age = cell('age_years');
    if (age !== '') {
      const years = Number(age);
      if (!Number.isFinite(years) || years < 0 || years > 130)
        throw new Error(`Triage file line ${line}: age_years must be a number of years, got "${age}"`);
      context.ageYears = years;
    }
    const sex = cell('sex');
    if (sex === 'female' || sex === 'male') context.sex = sex;
    if (cell('pregnant') === 'yes') context.pregnant = true;
    const group = cell('group');
    return { line, id: cell('id'), text: cell('text'), context, expected: expected.data, ...(group ? { group } : {}) };
  });
}
