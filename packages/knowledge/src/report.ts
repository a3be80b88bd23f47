// What a knowledge reviewer checks after a change: counts, entries awaiting review, thin diseases, symptoms and
// drugs nothing uses, the Urdu, citation levels and how far the Unani layer covers the diseases. Plain functions over
// a loaded KnowledgeBase; the CLI prints the result.
import { citesMonograph, entryCitations } from './citationLevel.ts';
import { type KnowledgeBase, unaniSignKinds } from './format.ts';
import { urduFieldProblems } from './urduOrthography.ts';

/**
 * A disease described by fewer findings than this is hard to tell apart from its neighbours in a
 * differential; every disease of data/knowledge lists at least six.
 */
export const MIN_SYMPTOMS_PER_DISEASE = 6;

export type ReviewedKind = 'disease' | 'protocol' | 'symptom' | 'single-drug' | 'formulation' | 'red-flag';

/** A formulation or single drug that disease protocols asked the formulary for (formulary-requests.txt). */
export interface FormularyRequest {
  kind: 'formulation' | 'single-drug';
  code: string;
  name: string;
}

export interface KnowledgeCounts {
  diseases: number;
  symptoms: number;
  singleDrugs: number;
  formulations: number;
  /** Diseases with a treatment protocol. */
  protocols: number;
  redFlags: number;
  sources: number;
}

/** How much of the knowledge base reads in Urdu, and whether that Urdu is written in Urdu letters. */
export interface UrduReport {
  /** Fields holding Arabic letter forms (ك, ي, ه, ة, ٠–٩) instead of Urdu ones; the validator keeps this at 0. */
  fieldsWithArabicForms: number;
  /** Entries without an `urduName`, by kind. */
  withoutUrduName: { symptoms: number; diseases: number; singleDrugs: number; formulations: number };
}

/** How many single drugs and formulations cite a monograph or numbered section (citesMonograph). */
export interface CitationReport {
  /** Single drugs and formulations in all: what `percent` is a share of. */
  entries: number;
  atMonographLevel: number;
  /** atMonographLevel as a percentage of entries, one decimal. */
  percent: number;
  singleDrugs: { entries: number; atMonographLevel: number };
  formulations: { entries: number; atMonographLevel: number };
}

/** A count of diseases and its share of all diseases, in percent to one decimal. */
export interface DiseaseShare {
  count: number;
  percent: number;
}

/** How far the Unani layer (temperaments, humours, pulse/urine/stool signs) covers the diseases. */
export interface UnaniReport {
  withTemperaments: DiseaseShare;
  withHumours: DiseaseShare;
  /** Diseases listing at least one Nabz (pulse), Baul (urine) or Baraz (stool) sign among their findings. */
  withNabzBaulBarazSigns: number;
  /** Codes of diseases whose humour or temperament is marked `mizajReview: true`. */
  mizajReview: string[];
}

export interface KnowledgeReport {
  counts: KnowledgeCounts;
  /** Entries marked `review: true`; a protocol is named by its disease's code. */
  review: { kind: ReviewedKind; code: string }[];
  /** The `review` list counted by kind; every kind is present, 0 when none waits. */
  reviewCounts: Record<ReviewedKind, number>;
  citations: CitationReport;
  /** Codes of diseases with fewer than MIN_SYMPTOMS_PER_DISEASE symptoms. */
  diseasesWithFewSymptoms: string[];
  /** Symptom codes no disease lists (red flags may still use them). */
  unusedSymptoms: string[];
  /** Single-drug codes no formulation contains (protocols may still prescribe them alone). */
  unusedDrugs: string[];
  urdu: UrduReport;
  unani: UnaniReport;
  /** Requested formulary entries the knowledge base does not hold yet; present when requests were given. */
  unresolvedFormularyRequests?: FormularyRequest[];
}

export function urduReport(kb: KnowledgeBase): UrduReport {
  const entries = [kb.sources, kb.symptoms, kb.diseases, kb.singleDrugs, kb.formulations, kb.redFlags].flat();
  const without = (xs: { urduName?: string }[]) => xs.filter((x) => !x.urduName).length;
  return {
    fieldsWithArabicForms: entries.reduce((n, entry) => n + urduFieldProblems(entry).length, 0),
    withoutUrduName: {
      symptoms: without(kb.symptoms),
      diseases: without(kb.diseases),
      singleDrugs: without(kb.singleDrugs),
      formulations: without(kb.formulations),
    },
  };
}

/** `part` as a percentage of `whole`, one decimal; 0 of nothing is 0 %. */
function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

/** Counts the single drugs and formulations citing a monograph or numbered section, by kind and in all. */
export function citationReport(kb: KnowledgeBase): CitationReport {
  const level = (entries: Parameters<typeof entryCitations>[0][]) => ({
    entries: entries.length,
    atMonographLevel: entries.filter((e) => entryCitations(e).some(citesMonograph)).length,
  });
  const singleDrugs = level(kb.singleDrugs);
  const formulations = level(kb.formulations);
  const entries = singleDrugs.entries + formulations.entries;
  const atMonographLevel = singleDrugs.atMonographLevel + formulations.atMonographLevel;
  return {
    entries,
    atMonographLevel,
    percent: percentOf(atMonographLevel, entries),
    singleDrugs,
    formulations,
  };
}

const REVIEWED_KINDS: readonly ReviewedKind[] = [
  'disease',
  'protocol',
  'symptom',
  'single-drug',
  'formulation',
  'red-flag',
];

function countByKind(review: { kind: ReviewedKind }[]): Record<ReviewedKind, number> {
  const counts = Object.fromEntries(REVIEWED_KINDS.map((kind) => [kind, 0])) as Record<ReviewedKind, number>;
  for (const { kind } of review) counts[kind] += 1;
  return counts;
}

export function unaniReport(kb: KnowledgeBase): UnaniReport {
  const signs = new Set(kb.symptoms.filter((s) => unaniSignKinds.has(s.kind)).map((s) => s.code));
  const share = (count: number): DiseaseShare => ({
    count,
    percent: percentOf(count, kb.diseases.length),
  });
  return {
    withTemperaments: share(kb.diseases.filter((d) => d.temperaments.length > 0).length),
    withHumours: share(kb.diseases.filter((d) => d.humours.length > 0).length),
    withNabzBaulBarazSigns: kb.diseases.filter((d) => d.symptoms.some((s) => signs.has(s.symptom))).length,
    mizajReview: kb.diseases.filter((d) => d.mizajReview).map((d) => d.code),
  };
}

export function knowledgeCounts(kb: KnowledgeBase): KnowledgeCounts {
  return {
    diseases: kb.diseases.length,
    symptoms: kb.symptoms.length,
    singleDrugs: kb.singleDrugs.length,
    formulations: kb.formulations.length,
    protocols: kb.diseases.filter((d) => d.protocol).length,
    redFlags: kb.redFlags.length,
    sources: kb.sources.length,
  };
}

/**
 * Reads formulary-requests.txt: one `formulation <code> <Name>` or `single-drug <code> <Name>` per line,
 * `#` comments and blank lines ignored; throws naming the first line it cannot read.
 */
export function parseFormularyRequests(text: string): FormularyRequest[] {
  return text.split('\n').flatMap((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return [];
    const match = /^(formulation|single-drug)\s+(\S+)\s+(.+)$/.exec(line);
    if (!match?.[1] || !match[2] || !match[3]) {
      throw new Error(
        `formulary request on line ${index + 1} should read "formulation <code> <Name>" or "single-drug <code> <Name>": ${line}`,
      );
    }
    return [{ kind: match[1] as FormularyRequest['kind'], code: match[2], name: match[3] }];
  });
}

/** Builds the reviewer's report; lists are sorted by code, as the knowledge base is. */
export function knowledgeReport(kb: KnowledgeBase, formularyRequests?: FormularyRequest[]): KnowledgeReport {
  const listed = new Set(kb.diseases.flatMap((d) => d.symptoms.map((s) => s.symptom)));
  const inFormulations = new Set(
    kb.formulations.flatMap((f) => f.ingredients.flatMap((i) => (i.drug ? [i.drug] : []))),
  );
  const flagged = (kind: ReviewedKind, entries: { code: string; review: boolean }[]) =>
    entries.filter((e) => e.review).map((e) => ({ kind, code: e.code }));
  const review = [
    ...flagged('disease', kb.diseases),
    ...flagged(
      'protocol',
      kb.diseases.flatMap((d) => (d.protocol ? [{ code: d.code, review: d.protocol.review }] : [])),
    ),
    ...flagged('symptom', kb.symptoms),
    ...flagged('single-drug', kb.singleDrugs),
    ...flagged('formulation', kb.formulations),
    ...flagged('red-flag', kb.redFlags),
  ];
  const report: KnowledgeReport = {
    counts: knowledgeCounts(kb),
    review,
    reviewCounts: countByKind(review),
    citations: citationReport(kb),
    diseasesWithFewSymptoms: kb.diseases.filter((d) => d.symptoms.length < MIN_SYMPTOMS_PER_DISEASE).map((d) => d.code),
    unusedSymptoms: kb.symptoms.filter((s) => !listed.has(s.code)).map((s) => s.code),
    unusedDrugs: kb.singleDrugs.filter((d) => !inFormulations.has(d.code)).map((d) => d.code),
    urdu: urduReport(kb),
    unani: unaniReport(kb),
  };
  if (formularyRequests) {
    const held = {
      formulation: new Set(kb.formulations.map((f) => f.code)),
      'single-drug': new Set(kb.singleDrugs.map((d) => d.code)),
    };
    report.unresolvedFormularyRequests = formularyRequests.filter((r) => !held[r.kind].has(r.code));
  }
  return report;
}
