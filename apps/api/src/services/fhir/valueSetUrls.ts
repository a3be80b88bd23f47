// The canonical URLs of our ValueSets, apart from the ValueSets themselves so that CodeSystems can name theirs.
import { CANONICAL } from './systems.ts';

export const valueSetIds = ['unani-cdss-diseases', 'unani-cdss-symptoms', 'namaste-numc', 'icd11-tm2'] as const;
export type ValueSetId = (typeof valueSetIds)[number];

export const valueSetUrls: Record<ValueSetId, string> = {
  'unani-cdss-diseases': `${CANONICAL}/ValueSet/diseases`,
  'unani-cdss-symptoms': `${CANONICAL}/ValueSet/symptoms`,
  'namaste-numc': `${CANONICAL}/ValueSet/namaste-numc`,
  'icd11-tm2': `${CANONICAL}/ValueSet/icd11-tm2`,
};

/** The "all codes" ValueSet of a CodeSystem of ours; the TM2 one is not all of ICD-11, so it has none. */
export function valueSetUrlOf(codeSystemId: string): string | undefined {
  return codeSystemId === 'icd11-tm2' ? undefined : valueSetUrls[codeSystemId as ValueSetId];
}

export const isValueSetId = (id: string): id is ValueSetId => (valueSetIds as readonly string[]).includes(id);
export const valueSetIdOf = (url: string): ValueSetId | undefined => valueSetIds.find((id) => valueSetUrls[id] === url);
