// The knowledge base's diseases and symptoms as FHIR CodeSystems, built from the database tables.
import type { DbTx } from '../../db/prisma.ts';
import type { CodeSystem } from './resources.ts';
import {
  DESIGNATION_USE_SYSTEM,
  DISEASES_SYSTEM,
  ICD10_SYSTEM,
  ICD11_SYSTEM,
  NUMC_SYSTEM,
  SYMPTOMS_SYSTEM,
  SYNONYM_USE,
} from './systems.ts';

export const codeSystemIds = ['unani-cdss-diseases', 'unani-cdss-symptoms'] as const;
export type CodeSystemId = (typeof codeSystemIds)[number];

const urls: Record<CodeSystemId, string> = {
  'unani-cdss-diseases': DISEASES_SYSTEM,
  'unani-cdss-symptoms': SYMPTOMS_SYSTEM,
};

export function isCodeSystemId(id: string): id is CodeSystemId {
  return (codeSystemIds as readonly string[]).includes(id);
}

export function codeSystemIdOf(url: string): CodeSystemId | undefined {
  return codeSystemIds.find((id) => urls[id] === url);
}

type Concept = CodeSystem['concept'][number];
type Designation = NonNullable<Concept['designation']>[number];

const unaniNameUse = { system: DESIGNATION_USE_SYSTEM, code: 'unani-name', display: 'Unani name' };

/** The Unani name (Latin script), the Urdu script name and the synonyms of a concept. */
function designations(unaniName: string | null, urduName: string | null, synonyms: unknown): Designation[] {
  const list = Array.isArray(synonyms) ? synonyms.filter((s): s is string => typeof s === 'string') : [];
  return [
    ...(unaniName ? [{ language: 'ur-Latn', use: unaniNameUse, value: unaniName }] : []),
    ...(urduName ? [{ language: 'ur', use: unaniNameUse, value: urduName }] : []),
    ...list.map((value) => ({ use: SYNONYM_USE, value })),
  ];
}

const latest = (rows: { updatedAt: Date }[]) =>
  rows.reduce<Date | undefined>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), undefined);

function frame(id: CodeSystemId, title: string, description: string, rows: { updatedAt: Date }[]) {
  const updated = latest(rows)?.toISOString();
  return {
    resourceType: 'CodeSystem' as const,
    id,
    ...(updated ? { meta: { lastUpdated: updated }, date: updated } : {}),
    url: urls[id],
    name: title.replace(/[^A-Za-z0-9]/g, ''),
    title,
    status: 'active' as const,
    experimental: false,
    publisher: 'Unani CDSS',
    description,
    caseSensitive: true,
    content: 'complete' as const,
    count: rows.length,
  };
}

async function diseaseCodeSystem(db: DbTx): Promise<CodeSystem> {
  const rows = await db.disease.findMany({
    orderBy: { code: 'asc' },
    select: {
      code: true,
      name: true,
      englishName: true,
      urduName: true,
      synonyms: true,
      description: true,
      numcCode: true,
      icd11Code: true,
      icd10Code: true,
      updatedAt: true,
    },
  });
  const codeProperties = [
    { code: 'numc', uri: NUMC_SYSTEM, description: 'NAMASTE Morbidity Code (NUMC)', type: 'Coding' },
    { code: 'icd11', uri: ICD11_SYSTEM, description: 'ICD-11 MMS code', type: 'Coding' },
    { code: 'icd10', uri: ICD10_SYSTEM, description: 'ICD-10 code', type: 'Coding' },
  ];
  return {
    ...frame(
      'unani-cdss-diseases',
      'Unani CDSS Diseases',
      'Diseases (Amraz) of the Unani CDSS knowledge base; display is the English name, designations give the Unani and Urdu names.',
      rows,
    ),
    property: codeProperties,
    concept: rows.map((d) => {
      const codes = { numc: d.numcCode, icd11: d.icd11Code, icd10: d.icd10Code };
      const property = codeProperties.flatMap((p) => {
        const code = codes[p.code as keyof typeof codes];
        return code ? [{ code: p.code, valueCoding: { system: p.uri, code } }] : [];
      });
      const designation = designations(d.name, d.urduName, d.synonyms);
      return {
        code: d.code,
        display: d.englishName,
        definition: d.description,
        ...(designation.length ? { designation } : {}),
        ...(property.length ? { property } : {}),
      };
    }),
  };
}

async function symptomCodeSystem(db: DbTx): Promise<CodeSystem> {
  const rows = await db.symptom.findMany({
    orderBy: { code: 'asc' },
    select: {
      code: true,
      name: true,
      kind: true,
      unaniName: true,
      urduName: true,
      synonyms: true,
      description: true,
      updatedAt: true,
    },
  });
  return {
    ...frame(
      'unani-cdss-symptoms',
      'Unani CDSS Symptoms',
      'Symptoms and signs, including Nabz (pulse), Baul (urine) and Baraz (stool) findings, of the Unani CDSS knowledge base.',
      rows,
    ),
    property: [{ code: 'kind', description: 'symptom, sign, nabz, baul or baraz', type: 'code' }],
    concept: rows.map((s) => {
      const designation = designations(s.unaniName, s.urduName, s.synonyms);
      return {
        code: s.code,
        display: s.name,
        ...(s.description ? { definition: s.description } : {}),
        ...(designation.length ? { designation } : {}),
        property: [{ code: 'kind', valueCode: s.kind }],
      };
    }),
  };
}

export function loadCodeSystem(db: DbTx, id: CodeSystemId): Promise<CodeSystem> {
  switch (id) {
    case 'unani-cdss-diseases':
      return diseaseCodeSystem(db);
    case 'unani-cdss-symptoms':
      return symptomCodeSystem(db);
  }
}
