// Reads evaluation cases: a CSV with a header and the columns `label,symptoms` (codes or names separated by ";")
// or `label,text` (free text to parse first).
import { parse } from 'csv-parse/sync';
import { csvRows } from './csvTable.ts';

export interface LabelledCase {
  /** 1-based line of the case in the file, for error messages. */
  line: number;
  label: string;
  /** For `label,symptoms` files. */
  symptoms?: string[];
  /** For `label,text` files. */
  text?: string;
}

/** Parses `text`; throws naming the missing column or the first line without a label. */
export function parseLabelledCases(text: string, input: 'symptoms' | 'text'): LabelledCase[] {
  const [header, ...rows] = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const labelAt = columns.indexOf('label');
  const inputAt = columns.indexOf(input);
  if (labelAt < 0 || inputAt < 0) {
    throw new Error(`Cases file needs a header with columns "label,${input}" (found "${(header ?? []).join(',')}")`);
  }
  return rows.map((row, i) => {
    const label = (row[labelAt] ?? '').trim();
    if (label === '') throw new Error(`Cases file line ${i + 2} has no label`);
    const value = row[inputAt] ?? '';
    return input === 'text'
      ? { line: i + 2, label, text: value }
      : {
          line: i + 2,
          label,
          symptoms: value
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        };
  });
}

export interface SplitLabel {
  /** The disease code a labelled set was written with. */
  label: string;
  /** A disease split off it since, which answers the label as well. */
  alsoRight: string;
}

/**
 * Parses the diseases split off an entry after a labelled set was written (`label,alsoRight`): a case labelled with
 * the old entry is answered rightly by either. Throws on a row without both.
 */
export function parseSplitLabels(text: string): SplitLabel[] {
  return csvRows(text, 'Split-labels file', ['label', 'alsoright']).map(({ line, cell }) => {
    const label = cell('label');
    const alsoRight = cell('alsoright');
    if (!label || !alsoRight) throw new Error(`Split-labels file line ${line} needs a label and alsoRight`);
    return { label, alsoRight };
  });
}
