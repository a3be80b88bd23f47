// The external terminologies in data/external: NAMASTE's National Unani Morbidity Codes (NUMC) and the WHO ICD-11
// Chapter 26 TM2 index terms, and the NUMC ↔ TM2 links their Unani terms give (data/external/PROVENANCE.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface NumcConcept {
  code: string;
  /** The transliterated term (with diacritics); alternatives are separated by "/". */
  term: string;
  /** The Arabic-script term as NUMC gives it. */
  arabicTerm?: string;
  /** The English gloss, e.g. "Migraine". */
  shortDefinition?: string;
  longDefinition?: string;
}

export interface Tm2Concept {
  code: string;
  /** The category title without the scrape's hierarchy dashes, e.g. "Migraine disorder (TM2)". */
  title: string;
  /** The Unani ("(c)") index terms, cleaned of English glosses the scrape glued on. */
  unaniTerms: string[];
}

export interface ExternalTerminology {
  numc: NumcConcept[];
  tm2: Tm2Concept[];
  /** SHA-256 (first 12 hex digits) of each copy, which names the version served. */
  numcDigest: string;
  tm2Digest: string;
}

export type MapEquivalence = 'equivalent' | 'wider' | 'narrower' | 'relatedto' | 'inexact';

/** A NUMC code linked to a TM2 category because one of the category's Unani index terms is the NUMC term. */
export interface NumcTm2Link {
  numc: string;
  tm2: string;
  /** The Unani index term that matched. */
  term: string;
  /** `equivalent` when the link is one-to-one both ways; `inexact` when either side links elsewhere too. */
  equivalence: MapEquivalence;
  comment: string;
}

const csvRows = (text: string) =>
  parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
/** Without the copy's <em> tags, in Unicode NFC (the copies mix composed and decomposed letters: "Ḥ" and "Ḥ"). */
const clean = (s: string | undefined) => {
  const t = s
    ?.replace(/<\/?em>/g, '')
    .normalize('NFC')
    .trim();
  return t ? t : undefined;
};

export function parseNumc(text: string): NumcConcept[] {
  const out: NumcConcept[] = [];
  for (const row of csvRows(text)) {
    const code = clean(row.NUMC_CODE);
    const term = clean(row.NUMC_TERM);
    // Chapter headings ("UM", "Unani Medicine") carry no term: they are not morbidity codes.
    if (!code || !term) continue;
    out.push({
      code,
      term,
      arabicTerm: clean(row.Arabic_term),
      shortDefinition: clean(row.Short_definition),
      longDefinition: clean(row.Long_definition),
    });
  }
  return out;
}

/** "(a) … (b) … (c) Shaqīqa, (c) …": the text after each "(c)" up to the next marker, split on commas. */
export function unaniIndexTerms(synonyms: string, glosses: Map<string, string> = new Map()): string[] {
  const parts = synonyms.split(/\((a|b|c)\)\s*/);
  const terms: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    if (parts[i] !== 'c') continue;
    for (const raw of (parts[i + 1] ?? '').split(',')) {
      const term = raw
        .normalize('NFC')
        .trim()
        .replace(/^"+|"+$/g, '')
        .trim();
      if (term) terms.push(glosses.get(term) ?? term);
    }
  }
  return terms;
}

/** Scraped index term → the Unani term without the English gloss glued to it (unani-index-term-glosses.csv). */
export function parseGlosses(text: string): Map<string, string> {
  return new Map(
    csvRows(text).flatMap((r) =>
      r.Scraped && r.UnaniTerm ? [[r.Scraped.normalize('NFC').trim(), r.UnaniTerm.normalize('NFC').trim()]] : [],
    ),
  );
}

export function parseTm2(text: string, glosses: Map<string, string> = new Map()): Tm2Concept[] {
  const out: Tm2Concept[] = [];
  for (const row of csvRows(text)) {
    const code = clean(row.Code);
    if (!code) continue; // headings of the hierarchy and rows the scrape could not resolve
    out.push({
      code,
      title: (row.Name ?? '')
        .replace(/^[-\s]+/, '')
        .normalize('NFC')
        .trim(),
      unaniTerms: unaniIndexTerms(row.Synonyms ?? '', glosses),
    });
  }
  return out;
}

export const NUMC_FILE = 'namaste-unani/NUMC.csv';
export const TM2_FILE = 'icd11-tm2/tm2-index-terms.csv';
export const TM2_GLOSSES_FILE = 'icd11-tm2/unani-index-term-glosses.csv';

/** Reads the copies under data/external (`dir`). */
export function readExternalTerminology(dir: string): ExternalTerminology {
  const numcText = readFileSync(join(dir, NUMC_FILE), 'utf8');
  const tm2Text = readFileSync(join(dir, TM2_FILE), 'utf8');
  const glosses = parseGlosses(readFileSync(join(dir, TM2_GLOSSES_FILE), 'utf8'));
  return {
    numc: parseNumc(numcText),
    tm2: parseTm2(tm2Text, glosses),
    numcDigest: digest(numcText),
    tm2Digest: digest(tm2Text),
  };
}

/** Each alternative of a NUMC term: "Ḍīq al-Nafas/ Dama/ Nafas Ḍayyiq" gives three. */
export const numcTermVariants = (term: string) =>
  term
    .split('/')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * NUMC ↔ TM2 links: a TM2 category's Unani index term equal (character for character, after Unicode NFC) to a NUMC
 * term or one of its "/" alternatives. Index terms classify a concept under a category; when the NUMC code and the
 * category link only to each other the link is stated `equivalent`, otherwise (the category also indexes other NUMC
 * concepts, or the term or the NUMC concept recurs under other categories) `inexact`, with a comment saying why.
 */
export function numcTm2Links(t: Pick<ExternalTerminology, 'numc' | 'tm2'>): NumcTm2Link[] {
  const byTerm = new Map<string, string[]>();
  for (const n of t.numc)
    for (const v of numcTermVariants(n.term)) {
      const key = v.normalize('NFC');
      byTerm.set(key, [...(byTerm.get(key) ?? []), n.code]);
    }
  const found = new Map<string, { numc: string; tm2: string; term: string; homonym: boolean }>();
  for (const c of t.tm2)
    for (const term of c.unaniTerms) {
      const codes = [...new Set(byTerm.get(term.normalize('NFC')) ?? [])];
      for (const numc of codes) {
        const key = `${numc}|${c.code}`;
        if (!found.has(key)) found.set(key, { numc, tm2: c.code, term, homonym: codes.length > 1 });
      }
    }
  const links = [...found.values()];
  const tm2Of = new Map<string, Set<string>>();
  const numcOf = new Map<string, Set<string>>();
  for (const l of links) {
    tm2Of.set(l.numc, (tm2Of.get(l.numc) ?? new Set()).add(l.tm2));
    numcOf.set(l.tm2, (numcOf.get(l.tm2) ?? new Set()).add(l.numc));
  }
  return links
    .map((l) => {
      const others = [...(numcOf.get(l.tm2) ?? [])].filter((n) => n !== l.numc).sort();
      const elsewhere = [...(tm2Of.get(l.numc) ?? [])].filter((c) => c !== l.tm2).sort();
      const reasons = [
        ...(others.length ? [`${l.tm2} also indexes NUMC ${others.join(', ')}`] : []),
        ...(elsewhere.length ? [`${l.numc} is also indexed under ${elsewhere.join(', ')}`] : []),
        ...(l.homonym ? [`the term "${l.term}" names more than one NUMC concept`] : []),
      ];
      const base = `TM2 ${l.tm2} lists the Unani index term "${l.term}", the NUMC term of ${l.numc}`;
      return {
        numc: l.numc,
        tm2: l.tm2,
        term: l.term,
        equivalence: (reasons.length ? 'inexact' : 'equivalent') as MapEquivalence,
        comment: reasons.length ? `${base}; ${reasons.join('; ')}.` : `${base}, and neither links elsewhere.`,
      };
    })
    .sort((a, b) => a.numc.localeCompare(b.numc, 'en', { numeric: true }) || a.tm2.localeCompare(b.tm2));
}
