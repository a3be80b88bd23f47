// A CSV evaluation file with a header row, read by column name: each row with its line number and a reader of its
// trimmed cells ('' for a column the file does not have).
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line of the row in the file, for error messages. */
  line: number;
  cell: (column: string) => string;
}

/** The rows of `text`; throws `<kind> needs a header with columns "…"` when a needed column is missing. */
export function csvRows(text: string, kind: string, needed: readonly string[]): CsvRow[] {
  const [header, ...rows] = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (needed.some((name) => at(name) < 0))
    throw new Error(`${kind} needs a header with columns "${needed.join(',')}" (found "${(header ?? []).join(',')}")`);
  return rows.map((row, i) => ({
    line: i + 2,
    cell: (name) => (at(name) >= 0 ? (row[at(name)] ?? '').trim() : ''),
  }));
}
