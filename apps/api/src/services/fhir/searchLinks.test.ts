import { describe, expect, it } from 'vitest';
import { searchLinks } from './searchLinks.ts';
import { parseSearch, type RawSearchParams } from './searchRequest.ts';

const BASE = 'https://clinic.example/fhir';
const lenient = { handling: 'lenient', base: BASE } as const;

describe('searchLinks', () => {
  const page = (params: RawSearchParams) => parseSearch('Patient', params, lenient);
  const links = (params: RawSearchParams, total: number) =>
    Object.fromEntries(searchLinks(`${BASE}/Patient`, page(params), total).map((l) => [l.relation, l.url]));

  it('shows the criteria as sent and the page size applied, and pages with _offset', () => {
    expect(links({ name: 'am', foo: 'x', _count: '2', _offset: '2' }, 5)).toEqual({
      self: `${BASE}/Patient?name=am&_count=2&_offset=2`,
      first: `${BASE}/Patient?name=am&_count=2`,
      previous: `${BASE}/Patient?name=am&_count=2`,
      next: `${BASE}/Patient?name=am&_count=2&_offset=4`,
      last: `${BASE}/Patient?name=am&_count=2&_offset=4`,
    });
  });

  it('has no previous link on the first page nor next on the last, and a self link alone for the total', () => {
    expect(Object.keys(links({ _count: '2' }, 5))).toEqual(['self', 'first', 'next', 'last']);
    expect(Object.keys(links({ _count: '2', _offset: '4' }, 5))).toEqual(['self', 'first', 'previous', 'last']);
    expect(links({ _summary: 'count' }, 5)).toEqual({ self: `${BASE}/Patient?_summary=count` });
    expect(links({ _count: '0' }, 5)).toEqual({ self: `${BASE}/Patient?_count=0` });
  });

  it('points previous at the last page with matches when the offset is past the end', () => {
    expect(links({ _count: '2', _offset: '40' }, 5).previous).toBe(`${BASE}/Patient?_count=2&_offset=4`);
  });
});
