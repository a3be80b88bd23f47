// Reads the out-of-knowledge set: complaints of conditions the knowledge base does not hold, with the columns
// `id,text` and optional `condition,nearest_in_base,difficulty` (see data/evaluation/README.md).
import { parse } from 'csv-parse/sync';

export interface OutsideCase {
  line: number;
  id: string;
  text: string;
  condition?: string;
  /** `clear` (points away from every disease of the base) or `near` (shares features with one). */
  difficulty?: string;
}

/** Parses `text`; throws naming the missing column or the first row without text. */
export function parseOutsideCases(text: string): OutsideCase[] {
  const [header, ...rows] = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('id') < 0 || at('text') < 0)
    throw new Error(`Outside file needs a header with columns "id,text" (found "${(header ?? []).join(',')}")`);
  return rows.map((row, i) => {
    const cell = (name: string) => (at(name) >= 0 ? (row[at(name)] ?? '').trim() : '');
    const text = cell('text');
    if (text === '') throw new Error(`Outside file line ${i + 2} has no text`);
    const condition = cell('condition');
    const difficulty = cell('difficulty');
    return {
      line: i + 2,
      id: cell('id'),
      text,
      ...(condition ? { condition } : {}),
      ...(difficulty ? { difficulty } : {}),
    };
  });
}
