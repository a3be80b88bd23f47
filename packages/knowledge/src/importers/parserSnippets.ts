// Reads the parser snippet set: a CSV with the columns `id,text,present,absent` and optional `durations,style`
// (see data/evaluation/README.md). Codes are separated by spaces; durations are `code=N unit` separated by ";".
import { csvRows } from './csvTable.ts';

export interface ParserSnippet {
  line: number;
  id: string;
  text: string;
  /** Codes the text says the patient has (the most specific that fits; parents are implied). */
  present: string[];
  /** Codes the text denies. */
  absent: string[];
  /** A present finding's own stated duration, in days. */
  durations: Record<string, number>;
  style?: string;
}

const DAYS_PER_UNIT: Record<string, number> = { h: 1 / 24, d: 1, w: 7, mo: 30, y: 365 };

const codes = (cell: string) => cell.split(/\s+/).filter((c) => c !== '');

function parseDurations(cell: string, line: number): Record<string, number> {
  const durations: Record<string, number> = {};
  for (const part of cell.split(';').map((p) => p.trim())) {
    if (part === '') continue;
    const match = /^([a-z0-9-]+)\s*=\s*(\d+(?:\.\d+)?)\s*(h|d|w|mo|y)$/.exec(part);
    if (!match) throw new Error(`Snippet file line ${line}: duration "${part}" is not "code=N unit" (h, d, w, mo, y)`);
    const [, code, amount, unit] = match as unknown as [string, string, string, string];
    durations[code] = Number(amount) * (DAYS_PER_UNIT[unit] as number);
  }
  return durations;
}

/** Parses `text`; throws naming the missing column or the first invalid row. */
export function parseParserSnippets(text: string): ParserSnippet[] {
  return csvRows(text, 'Snippet file', ['id', 'text', 'present', 'absent']).map(({ line, cell }) => {
    const style = cell('style');
    return {
      line,
      id: cell('id'),
      text: cell('text'),
      present: codes(cell('present')),
      absent: codes(cell('absent')),
      durations: parseDurations(cell('durations'), line),
      ...(style ? { style } : {}),
    };
  });
}
