// NAMASTE NUMC and ICD-11 TM2 as the FHIR terminology serves them: read once from the copies in data/external
// (never from anywhere else at run time) and kept, with lookups by code and the NUMC ↔ TM2 links.
import {
  type ExternalTerminology,
  type NumcConcept,
  type NumcTm2Link,
  numcTm2Links,
  readExternalTerminology,
  type Tm2Concept,
} from '@unani/knowledge';
import { defaultExternalDir } from '../../config/paths.ts';

export interface LoadedTerminology extends ExternalTerminology {
  numcByCode: Map<string, NumcConcept>;
  tm2ByCode: Map<string, Tm2Concept>;
  links: NumcTm2Link[];
  /** `${numc}|${tm2}` → the link. */
  linkOf: Map<string, NumcTm2Link>;
}

let loaded: LoadedTerminology | undefined;

export function externalTerminology(): LoadedTerminology {
  if (!loaded) {
    const t = readExternalTerminology(defaultExternalDir);
    const links = numcTm2Links(t);
    loaded = {
      ...t,
      numcByCode: new Map(t.numc.map((c) => [c.code, c])),
      tm2ByCode: new Map(t.tm2.map((c) => [c.code, c])),
      links,
      linkOf: new Map(links.map((l) => [`${l.numc}|${l.tm2}`, l])),
    };
  }
  return loaded;
}

export const numcDisplay = (code: string) => externalTerminology().numcByCode.get(code)?.term;
export const tm2Display = (code: string) => externalTerminology().tm2ByCode.get(code)?.title;
