// Turns parsed knowledge files into a checked KnowledgeBase, or a list of problems that each name
// the file, the entry and the reason, so a reviewer can fix the file without reading code.
import { createHash } from 'node:crypto';
import { dailyAmount, humourOfType, inBaseUnit } from '@unani/contracts';
import type { z } from 'zod';
import {
  type CitationRef,
  DiseaseEntry,
  FormulationEntry,
  type KnowledgeBase,
  type MaxDailyDose,
  RedFlagEntry,
  SingleDrugEntry,
  SourceEntry,
  SymptomEntry,
  unaniSignKinds,
} from './format.ts';
import { describeArabicForms, urduFieldProblems } from './urduOrthography.ts';

/** The folders of data/knowledge/, each holding YAML or JSON files of one kind of entry. */
export const knowledgeKinds = {
  sources: SourceEntry,
  symptoms: SymptomEntry,
  diseases: DiseaseEntry,
  'single-drugs': SingleDrugEntry,
  formulations: FormulationEntry,
  'red-flags': RedFlagEntry,
} as const;
export type KnowledgeKind = keyof typeof knowledgeKinds;

/** One file's parsed content: a single entry or a list of entries. */
export interface KnowledgeFile {
  kind: KnowledgeKind;
  /** Path shown in messages, relative to the knowledge directory. */
  file: string;
  content: unknown;
}

export interface KnowledgeProblem {
  file: string;
  /** The entry's code when it has one, else its position in the file. */
  entry: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    const shown = problems
      .slice(0, 20)
      .map((p) => `  ${p.file} › ${p.entry}: ${p.message}`)
      .join('\n');
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : '';
    super(`The knowledge base has ${problems.length} problem(s):\n${shown}${more}`);
    this.name = 'KnowledgeError';
  }
}

interface Located<T> {
  file: string;
  entry: string;
  value: T;
}

/** Lower-case, accents folded, punctuation and spacing removed: "Shaqīqa" and "shaqiqa" collide. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-_'‘’ʿʾ.,()]+/g, '');
}

function entryLabel(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'code' in raw && typeof raw.code === 'string') return raw.code;
  return `entry #${index + 1}`;
}

function parseEntries<S extends z.ZodType>(
  files: KnowledgeFile[],
  kind: KnowledgeKind,
  schema: S,
  problems: KnowledgeProblem[],
  /** Codes of entries that failed validation: still "known", so that one bad entry does not cascade
   * into "unknown reference" problems in every entry that points to it. */
  invalid: Set<string>,
): Located<z.infer<S>>[] {
  const out: Located<z.infer<S>>[] = [];
  for (const f of files.filter((x) => x.kind === kind)) {
    const list = Array.isArray(f.content) ? f.content : [f.content];
    list.forEach((raw, index) => {
      const entry = entryLabel(raw, index);
      const result = schema.safeParse(raw);
      if (result.success) {
        out.push({ file: f.file, entry, value: result.data });
        return;
      }
      if (raw && typeof raw === 'object' && 'code' in raw && typeof raw.code === 'string') invalid.add(raw.code);
      for (const issue of result.error.issues) {
        const at = issue.path.length ? `${issue.path.join('.')}: ` : '';
        problems.push({ file: f.file, entry, message: `${at}${issue.message}` });
      }
    });
  }
  return out;
}

function checkUniqueCodes(items: Located<{ code: string }>[], what: string, problems: KnowledgeProblem[]) {
  const seen = new Map<string, string>();
  for (const it of items) {
    const first = seen.get(it.value.code);
    if (first) problems.push({ file: it.file, entry: it.entry, message: `duplicate ${what} code (also in ${first})` });
    else seen.set(it.value.code, it.file);
  }
}

/** Names and synonyms must not collide between two entries of one kind after normalisation. */
function checkUniqueNames(
  items: Located<{ code: string; name: string; synonyms?: string[]; englishName?: string }>[],
  what: string,
  problems: KnowledgeProblem[],
) {
  const owner = new Map<string, string>();
  for (const it of items) {
    const names = [it.value.name, it.value.englishName, ...(it.value.synonyms ?? [])].filter((n): n is string =>
      Boolean(n),
    );
    for (const name of new Set(names.map(normaliseName))) {
      if (!name) continue;
      const other = owner.get(name);
      if (other && other !== it.value.code) {
        problems.push({ file: it.file, entry: it.entry, message: `${what} name "${name}" is also used by ${other}` });
      } else owner.set(name, it.value.code);
    }
  }
}

/** Urdu is written in Urdu letters: an Arabic kaf, yeh, heh, teh marbuta or digit in any field is named, with its word. */
function checkUrduOrthography(entries: Located<unknown>[], problems: KnowledgeProblem[]) {
  for (const it of entries)
    for (const field of urduFieldProblems(it.value))
      problems.push({
        file: it.file,
        entry: it.entry,
        message: `${field.field}: Arabic letter forms in Urdu text "${field.text}": ${describeArabicForms(field.found)}`,
      });
}

function citedSource(ref: CitationRef): string {
  return typeof ref === 'string' ? ref : ref.source;
}

/** Validates every file, then every reference between entries; throws KnowledgeError listing all problems. */
export function buildKnowledgeBase(files: KnowledgeFile[]): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const invalidSources = new Set<string>();
  const invalidSymptoms = new Set<string>();
  const invalidDrugs = new Set<string>();
  const invalidFormulations = new Set<string>();
  const sources = parseEntries(files, 'sources', SourceEntry, problems, invalidSources);
  const symptoms = parseEntries(files, 'symptoms', SymptomEntry, problems, invalidSymptoms);
  const diseases = parseEntries(files, 'diseases', DiseaseEntry, problems, new Set());
  const singleDrugs = parseEntries(files, 'single-drugs', SingleDrugEntry, problems, invalidDrugs);
  const formulations = parseEntries(files, 'formulations', FormulationEntry, problems, invalidFormulations);
  const redFlags = parseEntries(files, 'red-flags', RedFlagEntry, problems, new Set());

  checkUniqueCodes(sources, 'source', problems);
  checkUniqueCodes(symptoms, 'symptom', problems);
  checkUniqueCodes(diseases, 'disease', problems);
  checkUniqueCodes(singleDrugs, 'single drug', problems);
  checkUniqueCodes(formulations, 'formulation', problems);
  checkUniqueCodes(redFlags, 'red flag', problems);
  checkUniqueNames(symptoms, 'symptom', problems);
  checkUniqueNames(diseases, 'disease', problems);
  checkUniqueNames(singleDrugs, 'single drug', problems);
  checkUniqueNames(formulations, 'formulation', problems);
  checkUrduOrthography([...sources, ...symptoms, ...diseases, ...singleDrugs, ...formulations, ...redFlags], problems);

  const sourceCodes = new Set([...sources.map((s) => s.value.code), ...invalidSources]);
  const symptomCodes = new Set([...symptoms.map((s) => s.value.code), ...invalidSymptoms]);
  const drugCodes = new Set([...singleDrugs.map((s) => s.value.code), ...invalidDrugs]);
  const formulationCodes = new Set([...formulations.map((s) => s.value.code), ...invalidFormulations]);
  const missing = (it: Located<unknown>, what: string, code: string) =>
    problems.push({ file: it.file, entry: it.entry, message: `unknown ${what} "${code}"` });

  for (const it of [...symptoms, ...diseases, ...singleDrugs, ...formulations, ...redFlags]) {
    const refs = [
      ...it.value.sources,
      ...('protocol' in it.value && it.value.protocol ? it.value.protocol.sources : []),
      ...('mizajSources' in it.value ? it.value.mizajSources : []),
    ];
    for (const ref of refs) if (!sourceCodes.has(citedSource(ref))) missing(it, 'source', citedSource(ref));
  }
  for (const it of diseases) {
    const seen = new Set<string>();
    for (const s of it.value.symptoms) {
      if (!symptomCodes.has(s.symptom)) missing(it, 'symptom', s.symptom);
      if (seen.has(s.symptom))
        problems.push({ file: it.file, entry: it.entry, message: `symptom "${s.symptom}" listed twice` });
      seen.add(s.symptom);
    }
    for (const system of ['numc', 'icd11', 'icd10'] as const)
      if (it.value.codeMatch[system] && !it.value.codes[system])
        problems.push({ file: it.file, entry: it.entry, message: `codeMatch.${system} without codes.${system}` });
    for (const item of it.value.protocol?.items ?? []) {
      if (item.formulation && !formulationCodes.has(item.formulation)) missing(it, 'formulation', item.formulation);
      if (item.singleDrug && !drugCodes.has(item.singleDrug)) missing(it, 'single drug', item.singleDrug);
      // A type-specific item belongs to a type the disease has: one of its humours (dam is the Damvi type…).
      for (const type of item.forTypes ?? [])
        if (!it.value.humours.includes(humourOfType[type]))
          problems.push({
            file: it.file,
            entry: it.entry,
            message: `a protocol item is for the ${type} type, but the disease lists no ${humourOfType[type]} among its humours`,
          });
    }
  }
  for (const it of formulations) {
    for (const ing of it.value.ingredients)
      if (ing.drug && !drugCodes.has(ing.drug)) missing(it, 'single drug', ing.drug);
  }
  for (const it of redFlags) {
    for (const ref of [...it.value.when.all, ...it.value.when.any, ...it.value.when.none]) {
      const code = ref.split('@')[0] as string;
      if (!symptomCodes.has(code)) missing(it, 'symptom', code);
    }
  }
  for (const it of symptoms) {
    for (const parent of it.value.parents) {
      if (!symptomCodes.has(parent)) missing(it, 'parent symptom', parent);
      if (parent === it.value.code)
        problems.push({ file: it.file, entry: it.entry, message: 'a symptom cannot be its own parent' });
    }
  }
  checkUnaniLayerCited(diseases, symptoms, problems);
  checkHierarchyAcyclic(symptoms, problems);
  checkSiteQualities(symptoms, problems);
  checkPrescribingSafety(singleDrugs, formulations, diseases, problems);

  if (problems.length > 0) throw new KnowledgeError(problems);

  const byCode = <T extends { code: string }>(xs: Located<T>[]) =>
    xs.map((x) => x.value).sort((a, b) => a.code.localeCompare(b.code));
  const content = {
    sources: byCode(sources),
    symptoms: byCode(symptoms),
    diseases: byCode(diseases),
    singleDrugs: byCode(singleDrugs),
    formulations: byCode(formulations),
    redFlags: byCode(redFlags),
  };
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { ...content, hash };
}

/**
 * A disease's temperaments, humours and Nabz/Baul/Baraz signs are the Unani layer a reviewer checks against its
 * own citations: filling any of them without `mizajSources` is refused.
 */
function checkUnaniLayerCited(
  diseases: Located<DiseaseEntry>[],
  symptoms: Located<SymptomEntry>[],
  problems: KnowledgeProblem[],
): void {
  const signs = new Set(symptoms.filter((s) => unaniSignKinds.has(s.value.kind)).map((s) => s.value.code));
  for (const it of diseases) {
    if (it.value.mizajSources.length > 0) continue;
    const filled = [
      ...(it.value.temperaments.length > 0 ? ['temperaments'] : []),
      ...(it.value.humours.length > 0 ? ['humours'] : []),
      ...(it.value.symptoms.some((s) => signs.has(s.symptom)) ? ['Nabz/Baul/Baraz signs'] : []),
    ];
    if (filled.length > 0)
      problems.push({ file: it.file, entry: it.entry, message: `${filled.join(', ')} without mizajSources` });
  }
}

/** A bare complaint word at a site must name one finding: a quality needs its site, and no two share both. */
function checkSiteQualities(symptoms: readonly Located<SymptomEntry>[], problems: KnowledgeProblem[]): void {
  const taken = new Map<string, string>();
  for (const it of symptoms) {
    const { site, code } = it.value;
    for (const quality of [it.value.quality ?? []].flat()) {
      if (!site) {
        problems.push({ file: it.file, entry: it.entry, message: `quality "${quality}" needs the site it is at` });
        continue;
      }
      const other = taken.get(`${site}/${quality}`);
      if (other)
        problems.push({ file: it.file, entry: it.entry, message: `${quality} at ${site} is already ${other}` });
      else taken.set(`${site}/${quality}`, code);
    }
  }
}

/** The symptom hierarchy must be a hierarchy: following parents never leads back to where it started. */
function checkHierarchyAcyclic(symptoms: Located<SymptomEntry>[], problems: KnowledgeProblem[]): void {
  const parents = new Map(symptoms.map((s) => [s.value.code, s.value.parents]));
  for (const it of symptoms) {
    const seen = new Set<string>();
    const stack = [...it.value.parents];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === it.value.code) {
        problems.push({
          file: it.file,
          entry: it.entry,
          message: 'the symptom is its own ancestor (a cycle of parents)',
        });
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(parents.get(next) ?? []));
    }
  }
}

/**
 * A toxic drug carries a caution, a daily maximum and pregnancy and child contraindications; a formulation holding
 * one carries a caution; no protocol dose exceeds its drug's or formulation's daily maximum.
 */
function checkPrescribingSafety(
  singleDrugs: Located<SingleDrugEntry>[],
  formulations: Located<FormulationEntry>[],
  diseases: Located<DiseaseEntry>[],
  problems: KnowledgeProblem[],
): void {
  const toxic = new Set(singleDrugs.filter((d) => d.value.toxic).map((d) => d.value.code));
  for (const it of singleDrugs) {
    const d = it.value;
    if (!d.toxic) continue;
    const missing = [
      ...(d.cautions.length === 0 ? ['a caution'] : []),
      ...(d.maxDailyDose ? [] : ['a maxDailyDose']),
      ...(['pregnancy', 'children'] as const).filter((a) => !d.avoidIn.includes(a)).map((a) => `avoidIn ${a}`),
    ];
    if (missing.length > 0)
      problems.push({ file: it.file, entry: it.entry, message: `toxic drug without ${missing.join(', ')}` });
  }
  for (const it of formulations) {
    const held = it.value.ingredients.flatMap((i) => (i.drug && toxic.has(i.drug) ? [i.drug] : []));
    if (held.length > 0 && it.value.cautions.length === 0)
      problems.push({
        file: it.file,
        entry: it.entry,
        message: `holds the toxic drug(s) ${held.join(', ')} but has no caution`,
      });
  }
  const maxima = new Map<string, MaxDailyDose | undefined>([
    ...singleDrugs.map((d) => [`drug:${d.value.code}`, d.value.maxDailyDose] as const),
    ...formulations.map((f) => [`formulation:${f.value.code}`, f.value.maxDailyDose] as const),
  ]);
  for (const it of diseases) {
    for (const item of it.value.protocol?.items ?? []) {
      const key = item.singleDrug
        ? `drug:${item.singleDrug}`
        : item.formulation
          ? `formulation:${item.formulation}`
          : '';
      const max = maxima.get(key);
      const daily = item.dose ? dailyAmount(item.dose) : undefined;
      if (!max || !daily) continue;
      const limit = inBaseUnit(max.amount, max.unit);
      if (daily.unit === limit.unit && daily.amount > limit.amount)
        problems.push({
          file: it.file,
          entry: it.entry,
          message: `protocol dose "${item.dose}" of ${key.split(':')[1]} is ${daily.amount} ${daily.unit} a day, above its maximum of ${limit.amount} ${limit.unit}`,
        });
    }
  }
}
