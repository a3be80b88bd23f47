// Reads the triage safety set: a CSV with the columns `id,text,expected` and optional record context
// `age_years,sex,pregnant` (see data/evaluation/README.md).
import { type PatientContext, TriageLevel } from '@unani/contracts';
import { csvRows } from './csvTable.ts';

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
  return csvRows(text, 'Triage file', ['id', 'text', 'expected']).map(({ line, cell }) => {
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
