// The FHIR CodeSystems this server serves: the knowledge base's diseases and symptoms (from the database tables),
// NAMASTE NUMC (complete, from its copy) and ICD-11 TM2 (a fragment of ICD-11 MMS, from the copy of its index terms).
import { createHash } from 'node:crypto';
import type { DbTx } from '../../db/prisma.ts';
import { externalTerminology } from './externalTerminology.ts';
import type { CodeSystem, Designation } from './resources.ts';
import { DISEASES_SYSTEM, ICD10_SYSTEM, ICD11_SYSTEM, NUMC_SYSTEM, SYMPTOMS_SYSTEM, SYNONYM_USE } from './systems.ts';
import { valueSetUrlOf } from './valueSetUrls.ts';

export const codeSystemIds = ['unani-cdss-diseases', 'unani-cdss-symptoms', 'namaste-numc', 'icd11-tm2'] as const;
export type CodeSystemId = (typeof codeSystemIds)[number];

export const codeSystemUrls: Record<CodeSystemId, string> = {
  'unani-cdss-diseases': DISEASES_SYSTEM,
  'unani-cdss-symptoms': SYMPTOMS_SYSTEM,
  'namaste-numc': NUMC_SYSTEM,
  'icd11-tm2': ICD11_SYSTEM,
};

export function isCodeSystemId(id: string): id is CodeSystemId {
  return (codeSystemIds as readonly string[]).includes(id);
}

export function codeSystemIdOf(url: string): CodeSystemId | undefined {
  return codeSystemIds.find((id) => codeSystemUrls[id] === url);
}

type Concept = CodeSystem['concept'][number];

/**
 * The Unani name, the Urdu-script name and the synonyms of a concept, each a SNOMED CT "Synonym" (the designation-use
 * value set's code for an acceptable other term). The Unani names are Urdu words written in Latin letters the way
 * Urdu-speaking hakims romanise them ("Shaqeeqa", "Humma-e-Yaumiya", with the izafat "-e-"), hence BCP-47 `ur-Latn`;
 * the Urdu names are in Urdu script, `ur`. Synonyms mix lay English, transliterations and Urdu, so carry no language.
 */
function designations(unaniName: string | null, urduName: string | null, synonyms: unknown): Designation[] {
  const list = Array.isArray(synonyms) ? synonyms.filter((s): s is string => typeof s === 'string') : [];
  return [
    ...(unaniName ? [{ language: 'ur-Latn', use: SYNONYM_USE, value: unaniName }] : []),
    ...(urduName ? [{ language: 'ur', use: SYNONYM_USE, value: urduName }] : []),
    ...list.map((value) => ({ use: SYNONYM_USE, value })),
  ];
}

const latest = (rows: { updatedAt: Date }[]) =>
  rows.reduce<Date | undefined>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), undefined);

/** Our CodeSystems' version: a digest of their concepts, so it changes exactly when a code, name or property does. */
const versionOf = (concepts: Concept[]) =>
  createHash('sha256').update(JSON.stringify(concepts)).digest('hex').slice(0, 12);

const PUBLISHER = 'Unani CDSS';

function ours(id: CodeSystemId, title: string, description: string, rows: { updatedAt: Date }[], concept: Concept[]) {
  const updated = latest(rows)?.toISOString();
  return {
    resourceType: 'CodeSystem' as const,
    id,
    ...(updated ? { meta: { lastUpdated: updated }, date: updated } : {}),
    url: codeSystemUrls[id],
    version: versionOf(concept),
    name: title.replace(/[^A-Za-z0-9]/g, ''),
    title,
    status: 'active' as const,
    experimental: false,
    publisher: PUBLISHER,
    description,
    caseSensitive: true,
    valueSet: valueSetUrlOf(id),
    content: 'complete' as const,
    count: concept.length,
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
    { code: 'numc', uri: NUMC_SYSTEM, description: 'NAMASTE National Unani Morbidity Code (NUMC)', type: 'Coding' },
    { code: 'icd11', uri: ICD11_SYSTEM, description: 'ICD-11 MMS code (Chapter 26, TM2)', type: 'Coding' },
    { code: 'icd10', uri: ICD10_SYSTEM, description: 'WHO ICD-10 code', type: 'Coding' },
  ];
  const concept = rows.map((d) => {
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
  });
  return {
    ...ours(
      'unani-cdss-diseases',
      'Unani CDSS Diseases',
      'Diseases (Amraz) of the Unani CDSS knowledge base; display is the English name, designations give the Unani and Urdu names. ConceptMaps relate each to NAMASTE NUMC, ICD-11 TM2 and ICD-10.',
      rows,
      concept,
    ),
    property: codeProperties,
    concept,
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
  const concept = rows.map((s) => {
    const designation = designations(s.unaniName, s.urduName, s.synonyms);
    return {
      code: s.code,
      display: s.name,
      ...(s.description ? { definition: s.description } : {}),
      ...(designation.length ? { designation } : {}),
      property: [{ code: 'kind', valueCode: s.kind }],
    };
  });
  return {
    ...ours(
      'unani-cdss-symptoms',
      'Unani CDSS Symptoms',
      'Symptoms and signs, including Nabz (pulse), Baul (urine) and Baraz (stool) findings, of the Unani CDSS knowledge base.',
      rows,
      concept,
    ),
    property: [{ code: 'kind', description: 'symptom, sign, nabz, baul or baraz', type: 'code' }],
    concept,
  };
}

/**
 * NUMC as published (every row of the Ministry's spreadsheet that has a code and a term; chapter headings have
 * neither): display is the transliterated term, the English gloss and the Arabic-script term are designations. The
 * Arabic-script column mixes Arabic and Urdu letter forms (PROVENANCE.md), so its language is undetermined in
 * Arabic script, `und-Arab`. NAMASTE publishes no version number; ours names the copy by its SHA-256.
 */
function numcCodeSystem(): CodeSystem {
  const t = externalTerminology();
  const concept: Concept[] = t.numc.map((c) => {
    const designation: Designation[] = [
      ...(c.shortDefinition ? [{ language: 'en', use: SYNONYM_USE, value: c.shortDefinition }] : []),
      ...(c.arabicTerm ? [{ language: 'und-Arab', use: SYNONYM_USE, value: c.arabicTerm }] : []),
    ];
    const definition = c.longDefinition ?? c.shortDefinition;
    return {
      code: c.code,
      display: c.term,
      ...(definition ? { definition } : {}),
      ...(designation.length ? { designation } : {}),
    };
  });
  return {
    resourceType: 'CodeSystem',
    id: 'namaste-numc',
    url: NUMC_SYSTEM,
    version: `numc-csv-${t.numcDigest}`,
    name: 'NAMASTENUMC',
    title: 'NAMASTE National Unani Morbidity Codes (NUMC)',
    status: 'active',
    experimental: false,
    publisher: 'Ministry of AYUSH, Government of India (NAMASTE); served by Unani CDSS',
    description:
      'The Unani morbidity codes of NAMASTE (National AYUSH Morbidity and Standardized Terminologies Electronic), every coded row of the published spreadsheet (data/external/namaste-unani/NUMC.csv). The version names that copy by its SHA-256; NAMASTE itself publishes no version.',
    copyright: 'NAMASTE, Ministry of AYUSH, Government of India; released for public use.',
    caseSensitive: true,
    valueSet: valueSetUrlOf('namaste-numc'),
    content: 'complete',
    count: concept.length,
    concept,
  };
}

/**
 * The TM2 categories of ICD-11 MMS (Chapter 26) that the copy holds: a fragment, since its maker's scrape skipped
 * rows it could not resolve. Display is WHO's title; the Unani index terms are a property. WHO's release is not
 * recorded by the copy, so the version names the copy (SHA-256), not an ICD-11 release.
 */
function tm2CodeSystem(): CodeSystem {
  const t = externalTerminology();
  const concept: Concept[] = t.tm2.map((c) => ({
    code: c.code,
    display: c.title,
    ...(c.unaniTerms.length
      ? { property: c.unaniTerms.map((term) => ({ code: 'unani-index-term', valueString: term })) }
      : {}),
  }));
  return {
    resourceType: 'CodeSystem',
    id: 'icd11-tm2',
    url: ICD11_SYSTEM,
    version: `tm2-index-terms-csv-${t.tm2Digest}`,
    name: 'ICD11TM2',
    title: 'ICD-11 Chapter 26, Traditional Medicine Module 2 (TM2) — fragment',
    status: 'active',
    experimental: false,
    publisher: 'World Health Organization (ICD-11); fragment served by Unani CDSS',
    description:
      'The TM2 categories of ICD-11 MMS held by the copy in data/external/icd11-tm2 (a scrape that skipped some rows, hence a fragment), with their Unani index terms. The ICD-11 release the scrape came from is not recorded; the version names the copy by its SHA-256.',
    copyright: 'WHO ICD-11, Chapter 26 (TM2), CC BY-ND 3.0 IGO.',
    caseSensitive: true,
    content: 'fragment',
    property: [
      {
        code: 'unani-index-term',
        description: 'A Unani ("(c)") index term of the category, in Arabic transliteration',
        type: 'string',
      },
    ],
    concept,
  };
}

export function loadCodeSystem(db: DbTx, id: CodeSystemId): Promise<CodeSystem> {
  switch (id) {
    case 'unani-cdss-diseases':
      return diseaseCodeSystem(db);
    case 'unani-cdss-symptoms':
      return symptomCodeSystem(db);
    case 'namaste-numc':
      return Promise.resolve(numcCodeSystem());
    case 'icd11-tm2':
      return Promise.resolve(tm2CodeSystem());
  }
}
