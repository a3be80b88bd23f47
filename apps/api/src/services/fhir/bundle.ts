// Bundles: search results (searchset) and an exported record (collection), with resolvable fullUrls.
import { randomUUID } from 'node:crypto';
import type { Bundle, BundledResource } from './resources.ts';

/** `base` is the server's FHIR base URL, e.g. https://clinic.example/fhir. */
const entryOf = (base: string, resource: BundledResource) => ({
  fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
  resource,
});

export function searchset(base: string, selfUrl: string, resources: BundledResource[]): Bundle {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'searchset',
    timestamp: new Date().toISOString(),
    total: resources.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: resources.map((r) => ({ ...entryOf(base, r), search: { mode: 'match' as const } })),
  };
}

/** Relative references inside (e.g. `Patient/1`) resolve against the entries' fullUrls. */
export function collection(base: string, resources: BundledResource[]): Bundle {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map((r) => entryOf(base, r)),
  };
}
