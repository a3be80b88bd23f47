// Our ValueSets (all our diseases, all our symptoms, NAMASTE NUMC, the ICD-11 TM2 categories held), their $expand
// (text filter, offset/count paging, total) and $validate-code.
import { randomUUID } from 'node:crypto';
import type { DbTx } from '../../db/prisma.ts';
import { type CodeSystemId, codeSystemUrls, loadCodeSystem } from './codeSystems.ts';
import type { CodeSystem, ValueSet } from './resources.ts';
import { type CodeCheck, type CodeToCheck, checkConcept } from './validateCode.ts';
import { type ValueSetId, valueSetUrls } from './valueSetUrls.ts';

const titles: Record<ValueSetId, { title: string; description: string }> = {
  'unani-cdss-diseases': {
    title: 'Unani CDSS Diseases',
    description: 'Every disease of the Unani CDSS knowledge base (CodeSystem unani-cdss-diseases).',
  },
  'unani-cdss-symptoms': {
    title: 'Unani CDSS Symptoms',
    description: 'Every symptom and sign of the Unani CDSS knowledge base (CodeSystem unani-cdss-symptoms).',
  },
  'namaste-numc': {
    title: 'NAMASTE National Unani Morbidity Codes',
    description: 'Every code of NAMASTE NUMC (CodeSystem namaste-numc).',
  },
  'icd11-tm2': {
    title: 'ICD-11 TM2 categories held by this server',
    description:
      'The ICD-11 Chapter 26 (TM2) categories of the fragment this server holds (CodeSystem icd11-tm2), listed one by one: not all of ICD-11 MMS.',
  },
};

/** The ValueSet is a view of one CodeSystem: all of it, or (TM2, a fragment of ICD-11) its codes one by one. */
function definition(id: ValueSetId, cs: CodeSystem): ValueSet {
  const listed = cs.content === 'fragment';
  return {
    resourceType: 'ValueSet',
    id,
    ...(cs.meta ? { meta: cs.meta } : {}),
    url: valueSetUrls[id],
    version: cs.version,
    name: cs.name,
    title: titles[id].title,
    status: 'active',
    experimental: false,
    ...(cs.date ? { date: cs.date } : {}),
    publisher: 'Unani CDSS',
    description: titles[id].description,
    immutable: false,
    compose: {
      include: [
        {
          system: cs.url,
          version: cs.version,
          ...(listed ? { concept: cs.concept.map((c) => ({ code: c.code, display: c.display })) } : {}),
        },
      ],
    },
  };
}

const codeSystemOf = (id: ValueSetId): CodeSystemId => id;

export async function loadValueSet(db: DbTx, id: ValueSetId): Promise<ValueSet> {
  return definition(id, await loadCodeSystem(db, codeSystemOf(id)));
}

export interface ExpandOptions {
  filter?: string;
  offset?: number;
  count?: number;
  includeDesignations?: boolean;
}

/** Lower case without diacritics, so "shaqiqa" finds "Shaqīqa" and "humma" finds "Ḥummā". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

type Concept = CodeSystem['concept'][number];

/** Every word of the filter occurs in the concept's code, display or a designation. */
function matches(concept: Concept, words: string[]): boolean {
  const text = fold([concept.code, concept.display, ...(concept.designation ?? []).map((d) => d.value)].join(' '));
  return words.every((w) => text.includes(w));
}

export async function expandValueSet(db: DbTx, id: ValueSetId, options: ExpandOptions): Promise<ValueSet> {
  const cs = await loadCodeSystem(db, codeSystemOf(id));
  const words = fold(options.filter ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const all = cs.concept.filter((c) => matches(c, words));
  const offset = options.offset ?? 0;
  const page = all.slice(offset, options.count === undefined ? undefined : offset + options.count);
  const parameter = [
    ...(options.filter !== undefined ? [{ name: 'filter', valueString: options.filter }] : []),
    { name: 'offset', valueInteger: offset },
    ...(options.count !== undefined ? [{ name: 'count', valueInteger: options.count }] : []),
    ...(options.includeDesignations ? [{ name: 'includeDesignations', valueBoolean: true }] : []),
    { name: 'version', valueUri: `${cs.url}|${cs.version}` },
  ];
  const { compose: _compose, ...rest } = definition(id, cs);
  return {
    ...rest,
    expansion: {
      identifier: `urn:uuid:${randomUUID()}`,
      timestamp: new Date().toISOString(),
      total: all.length,
      offset,
      parameter,
      ...(page.length
        ? {
            contains: page.map((c) => ({
              system: cs.url,
              version: cs.version,
              code: c.code,
              display: c.display,
              ...(options.includeDesignations && c.designation?.length ? { designation: c.designation } : {}),
            })),
          }
        : {}),
    },
  };
}

/** $validate-code against a ValueSet: the system must be the one it draws on, the code one of its concepts. */
export async function validateInValueSet(db: DbTx, id: ValueSetId, toCheck: CodeToCheck[]): Promise<CodeCheck> {
  const cs = await loadCodeSystem(db, codeSystemOf(id));
  const where = `the value set ${valueSetUrls[id]}`;
  return checkConcept(cs, toCheck, where, (system) => system === codeSystemUrls[codeSystemOf(id)]);
}
