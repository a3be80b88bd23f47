import { describe, expect, it } from 'vitest';
import { DomainError } from '../domainErrors.ts';
import {
  handlingOf,
  parseSearch,
  type RawSearchParams,
  referenceOf,
  splitUnescaped,
  tokenOf,
} from './searchRequest.ts';

const BASE = 'https://clinic.example/fhir';
const lenient = { handling: 'lenient', base: BASE } as const;
const strict = { handling: 'strict', base: BASE } as const;

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the search to be refused');
}

describe('search values', () => {
  it('splits at commas and pipes that are not escaped, keeping the escapes for the next step', () => {
    expect(splitUnescaped('a,b\\,c,d', ',')).toEqual(['a', 'b\\,c', 'd']);
    expect(splitUnescaped('http://x|a|b', '|', 2)).toEqual(['http://x', 'a|b']);
  });

  it('reads a token as code, system|code, system| or |code', () => {
    expect(tokenOf('fever')).toEqual({ code: 'fever' });
    expect(tokenOf('http://s|fever')).toEqual({ system: 'http://s', code: 'fever' });
    expect(tokenOf('http://s|')).toEqual({ system: 'http://s' });
    expect(tokenOf('|fever')).toEqual({ system: null, code: 'fever' });
    expect(tokenOf('a\\|b')).toEqual({ code: 'a|b' });
  });

  it('reads a reference as an id, Type/id or an absolute URL on this server; anything else names nothing here', () => {
    expect(referenceOf('p1', 'Patient', BASE)).toBe('p1');
    expect(referenceOf('Patient/p1', 'Patient', BASE)).toBe('p1');
    expect(referenceOf(`${BASE}/Patient/p1`, 'Patient', BASE)).toBe('p1');
    expect(referenceOf('Group/p1', 'Patient', BASE)).toBeNull();
    expect(referenceOf('http://elsewhere.example/fhir/Patient/p1', 'Patient', BASE)).toBeNull();
    expect(referenceOf('Patient/p1/_history/2', 'Patient', BASE)).toBeNull();
  });

  it('takes handling from the Prefer header, lenient unless strict is asked for first', () => {
    expect(handlingOf(undefined)).toBe('lenient');
    expect(handlingOf('handling=strict')).toBe('strict');
    expect(handlingOf('return=minimal, Handling="strict"')).toBe('strict');
    expect(handlingOf('handling=lenient, handling=strict')).toBe('lenient');
  });
});

describe('parseSearch', () => {
  it('ANDs repeated parameters and ORs comma-separated values', () => {
    const request = parseSearch('Patient', { name: ['am', 'kh,ra'], gender: 'female' }, lenient);
    expect(request.criteria.map((c) => [c.key, c.values])).toEqual([
      ['name', ['am']],
      ['name', ['kh', 'ra']],
      ['gender', [{ code: 'female' }]],
    ]);
  });

  it('pages 50 at a time by default and at most 100, and reads _count=0 and _summary=count as total only', () => {
    expect(parseSearch('Patient', {}, lenient)).toMatchObject({ count: 50, offset: 0, ignored: [] });
    expect(parseSearch('Patient', { _count: '500', _offset: '20' }, lenient)).toMatchObject({ count: 100, offset: 20 });
    expect(parseSearch('Patient', { _count: '0' }, lenient)).toMatchObject({ count: 0, summaryCount: false });
    expect(parseSearch('Patient', { _summary: 'count' }, lenient)).toMatchObject({ count: 0, summaryCount: true });
  });

  it('ignores empty parameters and empty alternatives', () => {
    const request = parseSearch('Condition', { patient: '', code: 'a,,b', _count: '' }, strict);
    expect(request.criteria.map((c) => c.values)).toEqual([[{ code: 'a' }, { code: 'b' }]]);
    expect(request.count).toBe(50);
  });

  it('lists unknown parameters as ignored, or refuses them under strict handling', () => {
    const params: RawSearchParams = { code: 'fever', foo: 'bar', 'patient.name': 'x', _sort: 'date' };
    expect(parseSearch('Observation', params, lenient).ignored).toEqual(['foo', 'patient.name', '_sort']);
    const error = refusal(() => parseSearch('Observation', params, strict));
    expect(error.kind).toBe('invalid');
    expect(error.fields?.map((f) => f.field)).toEqual(['foo', 'patient.name', '_sort']);
  });

  it('refuses an unsupported modifier whatever the handling, since ignoring it would change the answer', () => {
    expect(refusal(() => parseSearch('Patient', { 'gender:not': 'male' }, lenient)).message).toContain(':not');
    expect(refusal(() => parseSearch('Patient', { 'name:text': 'a' }, lenient)).message).toContain(':contains');
    expect(parseSearch('Patient', { 'name:contains': 'min' }, strict).criteria[0]).toMatchObject({
      modifier: 'contains',
      values: ['min'],
    });
  });

  it('refuses malformed or repeated page parameters', () => {
    expect(refusal(() => parseSearch('Patient', { _count: 'ten' }, lenient)).message).toContain('_count');
    expect(refusal(() => parseSearch('Patient', { _count: '-1' }, lenient)).message).toContain('_count');
    expect(refusal(() => parseSearch('Patient', { _offset: ['0', '5'] }, lenient)).message).toContain('once');
  });

  it('reads subject and encounter references, with or without their type', () => {
    const request = parseSearch(
      'Condition',
      { subject: `${BASE}/Patient/p1`, 'subject:Patient': 'p2', encounter: 'Encounter/e1,Patient/e2' },
      lenient,
    );
    expect(request.criteria.map((c) => c.values)).toEqual([['p1'], ['p2'], ['e1', null]]);
  });
});
