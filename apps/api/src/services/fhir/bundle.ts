// Bundles: search results (searchset: a page of matches, its links and total, and an OperationOutcome entry when the
// search ignored something) and an exported record (collection), with resolvable fullUrls.
import { randomUUID } from 'node:crypto';
import type { Bundle, OperationOutcome, RecordResource } from './resources.ts';
import type { BundleLink } from './searchLinks.ts';

/** `base` is the server's FHIR base URL, e.g. https://clinic.example/fhir. */
const entryOf = (base: string, resource: RecordResource) => ({
  fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
  resource,
});

/** `total` is the number of matches of the whole search (the page's own count when omitted). */
export function searchset(
  base: string,
  links: BundleLink[],
  matches: RecordResource[],
  options: { total?: number; outcome?: OperationOutcome } = {},
): Bundle {
  const entry = [
    ...matches.map((r) => ({ ...entryOf(base, r), search: { mode: 'match' as const } })),
    ...(options.outcome
      ? [{ fullUrl: `urn:uuid:${randomUUID()}`, resource: options.outcome, search: { mode: 'outcome' as const } }]
      : []),
  ];
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'searchset',
    timestamp: new Date().toISOString(),
    total: options.total ?? matches.length,
    link: links,
    // FHIR allows no empty arrays: a page without entries has none.
    ...(entry.length ? { entry } : {}),
  };
}

/** Relative references inside (e.g. `Patient/1`) resolve against the entries' fullUrls. */
export function collection(base: string, resources: RecordResource[]): Bundle {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map((r) => entryOf(base, r)),
  };
}
