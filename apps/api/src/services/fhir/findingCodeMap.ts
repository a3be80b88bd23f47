// SNOMED CT and WHO ICD-10 codes of common findings, mapped to our symptom codes
// (data/external/snomed-icd10-findings): read once, validated, and refused whole when a row is malformed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoRoot } from '../../config/paths.ts';
import { ICD10_SYSTEM, SNOMED_SYSTEM } from './systems.ts';

export const FINDING_CODE_MAP_FILE = `${repoRoot}data/external/snomed-icd10-findings/findings.csv`;

const COLUMNS = ['system', 'code', 'display', 'symptom', 'source'] as const;

/** A SNOMED CT concept id (6–18 digits, no leading zero) or a WHO ICD-10 category or subcategory (R50, R50.9). */
const Row = z.discriminatedUnion('system', [
  z.object({ system: z.literal(SNOMED_SYSTEM), code: z.string().regex(/^[1-9]\d{5,17}$/, 'not a SNOMED CT id') }),
  z.object({ system: z.literal(ICD10_SYSTEM), code: z.string().regex(/^[A-Z]\d{2}(\.\d)?$/, 'not a WHO ICD-10 code') }),
]);
const Mapping = z.intersection(
  Row,
  z.object({
    display: z.string().min(1),
    symptom: z.string().regex(/^[a-z0-9-]+$/, 'not a symptom code'),
    source: z.string().min(1),
  }),
);
export type FindingCodeMapping = z.infer<typeof Mapping>;

/** `system|code` → our symptom code. */
export type FindingCodeMap = ReadonlyMap<string, string>;

export const codingKey = (system: string, code: string) => `${system}|${code}`;

/** One CSV line: fields split on commas, a field in double quotes may hold commas and "" for a quote. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** The rows of the mapping file's text; throws naming every bad line (shape, duplicate code). */
export function parseFindingCodeMap(text: string): FindingCodeMapping[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header !== COLUMNS.join(',')) throw new Error(`finding code map: the header must be "${COLUMNS.join(',')}"`);
  const problems: string[] = [];
  const rows: FindingCodeMapping[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const fields = csvFields(line);
    const parsed = Mapping.safeParse(Object.fromEntries(COLUMNS.map((c, k) => [c, fields[k]])));
    const where = `line ${i + 2}`;
    if (fields.length !== COLUMNS.length)
      problems.push(`${where}: ${fields.length} fields, expected ${COLUMNS.length}`);
    else if (!parsed.success) problems.push(`${where}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    else if (seen.has(codingKey(parsed.data.system, parsed.data.code)))
      problems.push(`${where}: ${parsed.data.code} is mapped twice`);
    else {
      seen.add(codingKey(parsed.data.system, parsed.data.code));
      rows.push(parsed.data);
    }
  });
  if (problems.length) throw new Error(`finding code map: ${problems.join('; ')}`);
  return rows;
}

let loaded: FindingCodeMap | undefined;

/** The map from the file, read and validated once (the CDS Hooks routes load it when they register). */
export function findingCodeMap(): FindingCodeMap {
  loaded ??= new Map(
    parseFindingCodeMap(readFileSync(FINDING_CODE_MAP_FILE, 'utf8')).map((r) => [
      codingKey(r.system, r.code),
      r.symptom,
    ]),
  );
  return loaded;
}

/** The symptoms the map names that `vocabulary` does not know (a knowledge base without them): those rows are ignored. */
export function unmappedSymptoms(map: FindingCodeMap, vocabulary: { hasSymptom(code: string): boolean }): string[] {
  return [...new Set(map.values())].filter((code) => !vocabulary.hasSymptom(code)).sort();
}
