// ConceptMaps between our diseases and NAMASTE NUMC, ICD-11 TM2 and ICD-10 (from each disease's codes and their
// stated match), and NUMC ↔ TM2 (from the Unani index terms of the TM2 copy); and $translate over them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DbTx } from '../../db/prisma.ts';
import { externalTerminology } from './externalTerminology.ts';
import type { ConceptMap, ConceptMapEquivalence, Parameters } from './resources.ts';
import { conceptMapEquivalences } from './resources.ts';
import { CANONICAL, DISEASES_SYSTEM, ICD10_SYSTEM, ICD11_SYSTEM, NUMC_SYSTEM } from './systems.ts';
import { valueSetUrls } from './valueSetUrls.ts';

export const conceptMapIds = [
  'unani-cdss-diseases-to-namaste-numc',
  'unani-cdss-diseases-to-icd11-tm2',
  'unani-cdss-diseases-to-icd10',
  'namaste-numc-to-icd11-tm2',
] as const;
export type ConceptMapId = (typeof conceptMapIds)[number];

export const conceptMapUrl = (id: ConceptMapId) => `${CANONICAL}/ConceptMap/${id}`;
export const isConceptMapId = (id: string): id is ConceptMapId => (conceptMapIds as readonly string[]).includes(id);
export const conceptMapIdOf = (url: string) => conceptMapIds.find((id) => conceptMapUrl(id) === url);

/** What the knowledge base stated of a disease's codes (seeded from `codeMatch` in its YAML). */
const StoredMatch = z.object({ match: z.enum(conceptMapEquivalences), note: z.string().optional() });
const StoredMatches = z
  .object({ numc: StoredMatch.optional(), icd11: StoredMatch.optional(), icd10: StoredMatch.optional() })
  .catch({});

type Group = NonNullable<ConceptMap['group']>[number];
type Element = Group['element'][number];

interface DiseaseRow {
  code: string;
  englishName: string;
  numcCode: string | null;
  icd11Code: string | null;
  icd10Code: string | null;
  codeMatch: unknown;
}

const loadDiseases = (db: DbTx): Promise<DiseaseRow[]> =>
  db.disease.findMany({
    orderBy: { code: 'asc' },
    select: { code: true, englishName: true, numcCode: true, icd11Code: true, icd10Code: true, codeMatch: true },
  });

const about: Record<ConceptMapId, { title: string; description: string; source: string; target?: string }> = {
  'unani-cdss-diseases-to-namaste-numc': {
    title: 'Unani CDSS diseases to NAMASTE NUMC',
    description:
      'Each disease of the knowledge base to the NUMC code it is defined from; equivalent unless the entry states otherwise (its codeMatch), with the reason in the comment.',
    source: valueSetUrls['unani-cdss-diseases'],
    target: valueSetUrls['namaste-numc'],
  },
  'unani-cdss-diseases-to-icd11-tm2': {
    title: 'Unani CDSS diseases to ICD-11 TM2',
    description:
      'Each disease to its ICD-11 TM2 category. The equivalence is the one the entry states, else that of the link between its NUMC code and the category through a Unani index term (see namaste-numc-to-icd11-tm2).',
    source: valueSetUrls['unani-cdss-diseases'],
    target: valueSetUrls['icd11-tm2'],
  },
  'unani-cdss-diseases-to-icd10': {
    title: 'Unani CDSS diseases to ICD-10',
    description:
      'Each disease to its closest WHO ICD-10 code; equivalent unless the entry states otherwise (wider, narrower, inexact), with the reason in the comment.',
    source: valueSetUrls['unani-cdss-diseases'],
  },
  'namaste-numc-to-icd11-tm2': {
    title: 'NAMASTE NUMC to ICD-11 TM2 (through Unani index terms)',
    description:
      'A NUMC code and a TM2 category are linked where one of the category’s Unani index terms equals the NUMC term (or one of its "/" alternatives). Equivalent when they link only to each other; inexact, with the reason, when either links elsewhere too. Derived from the copies in data/external, not curated by WHO or the Ministry of AYUSH.',
    source: valueSetUrls['namaste-numc'],
    target: valueSetUrls['icd11-tm2'],
  },
};

function diseaseGroup(id: ConceptMapId, rows: DiseaseRow[]): Group {
  const t = externalTerminology();
  const system = { numc: NUMC_SYSTEM, icd11: ICD11_SYSTEM, icd10: ICD10_SYSTEM } as const;
  const key = id === 'unani-cdss-diseases-to-namaste-numc' ? 'numc' : id.endsWith('icd11-tm2') ? 'icd11' : 'icd10';
  const version = { numc: `numc-csv-${t.numcDigest}`, icd11: `tm2-index-terms-csv-${t.tm2Digest}`, icd10: undefined };
  const element: Element[] = rows.flatMap((d) => {
    const code = { numc: d.numcCode, icd11: d.icd11Code, icd10: d.icd10Code }[key];
    if (!code) return [];
    const stated = StoredMatches.parse(d.codeMatch ?? {})[key];
    const link = key === 'icd11' ? t.linkOf.get(`${d.numcCode}|${code}`) : undefined;
    const equivalence: ConceptMapEquivalence =
      stated?.match ?? link?.equivalence ?? (key === 'icd11' ? 'relatedto' : 'equivalent');
    const comment =
      stated?.note ??
      link?.comment ??
      (key === 'icd11' && !stated ? `No Unani index term of ${code} names NUMC ${d.numcCode ?? '(none)'}.` : undefined);
    const display =
      key === 'numc' ? t.numcByCode.get(code)?.term : key === 'icd11' ? t.tm2ByCode.get(code)?.title : undefined;
    return [
      {
        code: d.code,
        display: d.englishName,
        target: [
          {
            code,
            ...(display ? { display } : {}),
            equivalence,
            ...(comment ? { comment } : {}),
          },
        ],
      },
    ];
  });
  const targetVersion = version[key];
  return {
    source: DISEASES_SYSTEM,
    target: system[key],
    ...(targetVersion ? { targetVersion } : {}),
    element,
  };
}

function numcTm2Group(): Group {
  const t = externalTerminology();
  const byNumc = new Map<string, Element>();
  for (const l of t.links) {
    const element = byNumc.get(l.numc) ?? { code: l.numc, display: t.numcByCode.get(l.numc)?.term, target: [] };
    const display = t.tm2ByCode.get(l.tm2)?.title;
    element.target.push({
      code: l.tm2,
      ...(display ? { display } : {}),
      equivalence: l.equivalence,
      comment: l.comment,
    });
    byNumc.set(l.numc, element);
  }
  return {
    source: NUMC_SYSTEM,
    sourceVersion: `numc-csv-${t.numcDigest}`,
    target: ICD11_SYSTEM,
    targetVersion: `tm2-index-terms-csv-${t.tm2Digest}`,
    element: [...byNumc.values()].map((e) => (e.display ? e : { code: e.code, target: e.target })),
  };
}

function frame(id: ConceptMapId, group: Group): ConceptMap {
  const a = about[id];
  return {
    resourceType: 'ConceptMap',
    id,
    url: conceptMapUrl(id),
    version: createHash('sha256').update(JSON.stringify(group)).digest('hex').slice(0, 12),
    name: a.title.replace(/[^A-Za-z0-9]/g, ''),
    title: a.title,
    status: 'active',
    experimental: false,
    publisher: 'Unani CDSS',
    description: a.description,
    sourceCanonical: a.source,
    ...(a.target ? { targetCanonical: a.target } : {}),
    // A group holds at least one element: a map with nothing to map has no group.
    ...(group.element.length ? { group: [group] } : {}),
  };
}

export async function loadConceptMaps(db: DbTx, ids: readonly ConceptMapId[] = conceptMapIds): Promise<ConceptMap[]> {
  const rows = ids.some((id) => id !== 'namaste-numc-to-icd11-tm2') ? await loadDiseases(db) : [];
  return ids.map((id) => frame(id, id === 'namaste-numc-to-icd11-tm2' ? numcTm2Group() : diseaseGroup(id, rows)));
}

export interface TranslateRequest {
  system: string;
  code: string;
  /** Only maps whose source/target value sets are these. */
  source?: string;
  target?: string;
  targetsystem?: string;
  /** Translate from the maps' targets back to their sources. */
  reverse?: boolean;
}

/** The equivalence seen from the other side: a wider target means the source is narrower than it. */
const REVERSED: Record<ConceptMapEquivalence, ConceptMapEquivalence> = {
  equivalent: 'equivalent',
  wider: 'narrower',
  narrower: 'wider',
  relatedto: 'relatedto',
  inexact: 'inexact',
};

export function translate(maps: ConceptMap[], r: TranslateRequest): Parameters {
  const matches: Parameters['parameter'] = [];
  for (const map of maps) {
    const [from, to] = r.reverse
      ? [map.targetCanonical, map.sourceCanonical]
      : [map.sourceCanonical, map.targetCanonical];
    if (r.source !== undefined && r.source !== from) continue;
    if (r.target !== undefined && r.target !== to) continue;
    for (const g of map.group ?? []) {
      const [fromSystem, toSystem, toVersion] = r.reverse
        ? [g.target, g.source, g.sourceVersion]
        : [g.source, g.target, g.targetVersion];
      if (fromSystem !== r.system || (r.targetsystem !== undefined && r.targetsystem !== toSystem)) continue;
      const found = r.reverse
        ? g.element.flatMap((e) =>
            e.target
              .filter((t) => t.code === r.code)
              .map((t) => ({ code: e.code, display: e.display, equivalence: REVERSED[t.equivalence] })),
          )
        : g.element
            .filter((e) => e.code === r.code)
            .flatMap((e) => e.target.map((t) => ({ code: t.code, display: t.display, equivalence: t.equivalence })));
      for (const f of found)
        matches.push({
          name: 'match',
          part: [
            { name: 'equivalence', valueCode: f.equivalence },
            {
              name: 'concept',
              valueCoding: {
                system: toSystem,
                ...(toVersion ? { version: toVersion } : {}),
                code: f.code,
                ...(f.display ? { display: f.display } : {}),
              },
            },
            { name: 'source', valueUri: map.url },
          ],
        });
    }
  }
  return {
    resourceType: 'Parameters',
    parameter: [
      { name: 'result', valueBoolean: matches.length > 0 },
      ...(matches.length
        ? []
        : [{ name: 'message', valueString: `No mapping of the code "${r.code}" of ${r.system} is known here.` }]),
      ...matches,
    ],
  };
}
