// A FHIR search read from its parameters (query string, form body or both), following R4's search rules: repeated
// parameters AND, comma-separated values OR, `\` escapes, empty parameters ignored, unknown ones ignored (listed in
// `ignored`) unless the client prefers strict handling, an unsupported modifier refused. Pure; the queries live in
// patientSearch.ts and clinicalSearch.ts.
import { isoDay } from '@unani/contracts';
import { z } from 'zod';
import { type FieldError, invalid } from '../domainErrors.ts';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SearchableType,
  type SearchParameter,
  searchParameters,
} from './searchParameters.ts';

/** Parameters as Fastify parses a query string or our form parser a body: a name given twice is a list. */
export type RawSearchParams = Readonly<Record<string, string | readonly string[] | undefined>>;
export type Handling = 'strict' | 'lenient';

/** A token value: `code` (any system), `system|code`, `system|` (any code), `|code` (no system: `system` null). */
export interface TokenValue {
  system?: string | null;
  code?: string;
}

interface CriterionBase {
  name: string;
  modifier?: string;
  /** The parameter and value as sent, for the self link. */
  key: string;
  raw: string;
}

/** A date value as an interval of days [from, to): `2020` is the whole year; `prefix` compares with it. */
export interface DateValue {
  prefix: 'eq' | 'lt' | 'le' | 'gt' | 'ge';
  from: string;
  to: string;
}

/** One parameter of the search; a resource must match one of its values. A reference that cannot name one of our
 *  records (another type or server, not an id) is `null`: it matches nothing. */
export type Criterion =
  | (CriterionBase & { type: 'string'; values: string[] })
  | (CriterionBase & { type: 'token'; values: TokenValue[] })
  | (CriterionBase & { type: 'reference'; values: (string | null)[] })
  | (CriterionBase & { type: 'date'; values: DateValue[] });

export interface SearchRequest {
  type: SearchableType;
  /** Every criterion must hold. */
  criteria: Criterion[];
  /** Matches per page; 0 asks for the total only. */
  count: number;
  offset: number;
  /** The total only was asked for with `_summary=count` (rather than `_count=0`). */
  summaryCount: boolean;
  /** Unknown or unsupported parameters, as sent, that were ignored. */
  ignored: string[];
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const PageNumber = z.string().regex(/^\d{1,9}$/, 'must be a whole number from 0');

/** Splits at every `separator` not escaped by a backslash; the parts keep their escapes. */
export function splitUnescaped(text: string, separator: string, limit = Number.POSITIVE_INFINITY): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === separator && parts.length < limit - 1) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

export const unescapeValue = (text: string) => text.replace(/\\(.)/g, '$1');

export function tokenOf(value: string): TokenValue {
  const [first, second] = splitUnescaped(value, '|', 2);
  if (second === undefined) return { code: unescapeValue(value) };
  const code = second === '' ? {} : { code: unescapeValue(second) };
  return { system: first === '' ? null : unescapeValue(first ?? ''), ...code };
}

const DATE_VALUE = /^(eq|lt|le|gt|ge)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `ge2020-05` → from 2020-05-01 to 2020-06-01; refused when it is not a date FHIR search allows here. */
export function dateOf(value: string, key: string): DateValue {
  const m = DATE_VALUE.exec(value);
  const [, prefix = 'eq', year, month, day] = m ?? [];
  const from = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  const valid =
    m !== null &&
    from.getUTCFullYear() === Number(year) &&
    from.getUTCMonth() + 1 === Number(month ?? 1) &&
    from.getUTCDate() === Number(day ?? 1);
  if (!valid)
    throw invalid(
      `${key}: "${value}" is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, optionally after eq, lt, le, gt or ge.`,
    );
  const to = new Date(from);
  if (day) to.setUTCDate(to.getUTCDate() + 1);
  else if (month) to.setUTCMonth(to.getUTCMonth() + 1);
  else to.setUTCFullYear(to.getUTCFullYear() + 1);
  return { prefix: prefix as DateValue['prefix'], from: isoDay(from), to: isoDay(to) };
}

/** The id a reference to `type` names: `id`, `Type/id` or `<base>/Type/id`; null when it cannot be ours. */
export function referenceOf(value: string, type: string, base: string): string | null {
  const text = unescapeValue(value);
  const relative = text.startsWith(`${base}/`) ? text.slice(base.length + 1) : text;
  const id = relative.startsWith(`${type}/`) ? relative.slice(type.length + 1) : relative;
  return FHIR_ID.test(id) ? id : null;
}

/** `Prefer: handling=strict` or `handling=lenient` (RFC 7240: the first mention counts); lenient by default. */
export function handlingOf(prefer: string | undefined): Handling {
  for (const preference of (prefer ?? '').split(',')) {
    const [name, value] = (preference.split(';')[0] ?? '').split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (name?.toLowerCase() === 'handling') return value?.toLowerCase() === 'strict' ? 'strict' : 'lenient';
  }
  return 'lenient';
}

function criterionOf(param: SearchParameter, key: string, raw: string, modifier: string | undefined, base: string) {
  const parts = splitUnescaped(raw, ',').filter((v) => v !== '');
  const common = { name: param.name, key, raw, ...(modifier === undefined ? {} : { modifier }) };
  switch (param.type) {
    case 'string':
      return { ...common, type: 'string' as const, values: parts.map(unescapeValue) };
    case 'token':
      return { ...common, type: 'token' as const, values: parts.map(tokenOf) };
    case 'reference': {
      const target = param.name === 'encounter' ? 'Encounter' : 'Patient';
      return { ...common, type: 'reference' as const, values: parts.map((v) => referenceOf(v, target, base)) };
    }
    case 'date':
      return { ...common, type: 'date' as const, values: parts.map((v) => dateOf(v, key)) };
  }
}

/** The one value of a result parameter (`_count`…), refused when given twice. */
function single(key: string, values: string[]): string {
  if (values.length > 1) throw invalid(`Give ${key} once; it was given ${values.length} times.`);
  return values[0] as string;
}

function pageNumber(key: string, value: string): number {
  const parsed = PageNumber.safeParse(value);
  if (!parsed.success) throw invalid(`${key} must be a whole number from 0; "${value}" is not.`);
  return Number(parsed.data);
}

/** Reads a search of `type`. Throws `invalid` for malformed values and unsupported modifiers, and for unknown
 *  parameters when the client prefers strict handling. `base` is the server's FHIR base, for absolute references. */
export function parseSearch(
  type: SearchableType,
  params: RawSearchParams,
  options: { handling: Handling; base: string },
): SearchRequest {
  const request: SearchRequest = {
    type,
    criteria: [],
    count: DEFAULT_PAGE_SIZE,
    offset: 0,
    summaryCount: false,
    ignored: [],
  };
  for (const [key, given] of Object.entries(params)) {
    // An empty parameter is not an error, just ignored (R4 search, "Handling Errors").
    const values = [given ?? []].flat().filter((v) => v !== '');
    if (!values.length) continue;
    if (key === '_count') request.count = Math.min(pageNumber(key, single(key, values)), MAX_PAGE_SIZE);
    else if (key === '_offset') request.offset = pageNumber(key, single(key, values));
    else if (key === '_summary') {
      const summary = single(key, values);
      if (summary === 'count') request.summaryCount = true;
      else if (summary !== 'false') request.ignored.push(`${key}=${summary}`);
    } else if (key === '_format') {
      // Every answer is JSON; a client asking for JSON by parameter gets what it asked for.
      const format = single(key, values);
      if (!/json/i.test(format)) request.ignored.push(`${key}=${format}`);
    } else if (key === '_pretty') {
      // Formatting only.
    } else {
      const [name = '', ...rest] = key.split(':');
      const modifier = rest.length ? rest.join(':') : undefined;
      const param = searchParameters[type].find((p) => p.name === name);
      if (!param) {
        request.ignored.push(key);
        continue;
      }
      if (modifier !== undefined && !param.modifiers.includes(modifier)) {
        const allowed = param.modifiers.length ? `; it takes ${param.modifiers.map((m) => `:${m}`).join(', ')}` : '';
        throw invalid(`The modifier :${modifier} is not supported on ${name}${allowed}.`);
      }
      for (const raw of values) {
        const criterion = criterionOf(param, key, raw, modifier, options.base);
        if (criterion.values.length) request.criteria.push(criterion);
      }
    }
  }
  if (request.summaryCount) request.count = 0;
  if (options.handling === 'strict' && request.ignored.length) {
    const supported = [...searchParameters[type].map((p) => p.name), '_count', '_offset', '_summary=count'];
    const fields: FieldError[] = request.ignored.map((field) => ({
      field,
      message: `is not supported in a ${type} search here (supported: ${supported.join(', ')})`,
    }));
    throw invalid('The search has parameters this server does not support, and strict handling was asked for.', fields);
  }
  return request;
}
