// How precisely a drug or formulation entry is cited: a citation that names one monograph of a pharmacopoeia
// or one numbered section of a formulary can be opened and checked; "Part I" of a six-volume book cannot.
import type { CitationRef } from './format.ts';

/**
 * The pharmacopoeias and formularies whose monographs and sections a locator can name: the Unani
 * Pharmacopoeia of India (Part I single drugs, Part II formulations), the National Formulary of Unani
 * Medicine and CCRUM's online formulary of the same formulations.
 */
export const MONOGRAPH_SOURCES: ReadonlySet<string> = new Set(['upi', 'upi-part2', 'nfum', 'ccrum-formulations']);

/** "9.6", "9.6 Arq-e-Badiyan", "12.4.1": a numbered section, as NFUM numbers its formulations. */
const SECTION_NUMBER = /^\d+(\.\d+)+(\s|$)/;
/** "monograph 26: Majoon-e-Baladur", "monograph 'Afsanteen'": the word, then the monograph's number or name. */
const MONOGRAPH_NAME = /^monograph\s+(\d|['‘"]?\p{L})/iu;

/**
 * True when the citation is of a MONOGRAPH_SOURCES book or site and one comma-separated part of its
 * locator names a monograph ("monograph …") or starts with a section number. A part or volume alone
 * ("Part I", "Part I, Vol. II") or a page alone ("Vol. I, p. 9") is not monograph level.
 */
export function citesMonograph(citation: CitationRef): boolean {
  if (typeof citation === 'string' || !citation.locator) return false;
  if (!MONOGRAPH_SOURCES.has(citation.source)) return false;
  return citation.locator
    .split(',')
    .map((part) => part.trim())
    .some((part) => SECTION_NUMBER.test(part) || MONOGRAPH_NAME.test(part));
}

/** An entry's citations: its sources and the source of its daily maximum. */
export function entryCitations(entry: {
  sources: CitationRef[];
  maxDailyDose?: { source: CitationRef };
}): CitationRef[] {
  return entry.maxDailyDose ? [...entry.sources, entry.maxDailyDose.source] : entry.sources;
}
