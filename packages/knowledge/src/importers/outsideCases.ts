// Reads the out-of-knowledge set: complaints of conditions the knowledge base does not hold, with the columns
// `id,text` and optional `condition,nearest_in_base,difficulty` (see data/evaluation/README.md).
import { csvRows } from './csvTable.ts';

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
  return csvRows(text, 'Outside file', ['id', 'text']).map(({ line, cell }) => {
    const complaint = cell('text');
    if (complaint === '') throw new Error(`Outside file line ${line} has no text`);
    const condition = cell('condition');
    const difficulty = cell('difficulty');
    return {
      line,
      id: cell('id'),
      text: complaint,
      ...(condition ? { condition } : {}),
      ...(difficulty ? { difficulty } : {}),
    };
  });
}

export interface CoveredCondition {
  /** The condition label as the outside file writes it. */
  condition: string;
  /** The code of the disease of the base that now covers it. */
  disease: string;
}

/**
 * Parses the list of outside-set conditions the knowledge base now holds (`condition,disease`). Throws on a row
 * without both, or a condition named twice.
 */
export function parseCoveredConditions(text: string): CoveredCondition[] {
  const seen = new Set<string>();
  return csvRows(text, 'Covered-conditions file', ['condition', 'disease']).map(({ line, cell }) => {
    const condition = cell('condition');
    const disease = cell('disease');
    if (!condition || !disease) throw new Error(`Covered-conditions file line ${line} needs a condition and a disease`);
    if (seen.has(condition)) throw new Error(`Covered-conditions file line ${line} names "${condition}" again`);
    seen.add(condition);
    return { condition, disease };
  });
}
