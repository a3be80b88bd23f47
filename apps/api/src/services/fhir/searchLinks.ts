// The links of a searchset page, all as GET searches: `self` shows what was applied (the criteria as sent, the page
// size actually used, the offset), and `first`, `previous`, `next` and `last` page through the same matches with
// `_offset`. A total-only search (`_count=0`) has a self link alone.
import type { SearchRequest } from './searchRequest.ts';

export interface BundleLink {
  relation: string;
  url: string;
}

/** `typeUrl` is where the type is searched, e.g. https://clinic.example/fhir/Condition. */
export function searchLinks(typeUrl: string, request: SearchRequest, total: number): BundleLink[] {
  const url = (offset: number) => {
    const query = new URLSearchParams(request.criteria.map((c): [string, string] => [c.key, c.raw]));
    if (request.summaryCount) query.append('_summary', 'count');
    else query.append('_count', String(request.count));
    if (offset > 0) query.append('_offset', String(offset));
    return `${typeUrl}?${query}`;
  };
  const self = { relation: 'self', url: url(request.offset) };
  const size = request.count;
  if (size === 0) return [self];
  const last = Math.max(0, Math.ceil(total / size) - 1) * size;
  const links = [self, { relation: 'first', url: url(0) }];
  // From past the end, the previous page is the last one that has matches.
  if (request.offset > 0)
    links.push({ relation: 'previous', url: url(Math.max(0, Math.min(request.offset - size, last))) });
  if (request.offset + size < total) links.push({ relation: 'next', url: url(request.offset + size) });
  links.push({ relation: 'last', url: url(last) });
  return links;
}
