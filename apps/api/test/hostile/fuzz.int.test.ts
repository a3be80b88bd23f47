// Every operation of the OpenAPI document, as every kind of caller, with hostile bodies, queries and path
// parameters: the answer is a client error with a problem document (an OperationOutcome under /fhir), or a success
// for input that happens to be valid — never a server error, and the process keeps running unpolluted.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testServer.ts';
import { type CallerHeaders, clientAddress, everyKindOfCaller, headersFor } from './callers.ts';
import {
  exampleOf,
  fillPath,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  resolve,
  typeOf,
  wrongValuesFor,
} from './routeCatalogue.ts';

/** At most this many requests per operation and caller. */
const CASES_PER_OPERATION = 40;
/** The whole run stops sending after this long, whatever is left. */
const RUN_BUDGET_MS = 50_000;
const SEED = 20_240_601;

interface Case {
  label: string;
  url: string;
  /** Raw bytes, so that invalid JSON and duplicate or poisoned keys reach the server as written. */
  payload?: string;
  contentType?: string;
  /** Only this status is acceptable (e.g. 413 for an oversized body). */
  expect?: number;
  /** Sent whatever the per-operation bound leaves out. */
  always?: boolean;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const nested = (depth: number, open: string, close: string, inner = '1') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const hostileIds = [
  '../../etc/passwd',
  '..%2F..%2Fadmin',
  '%00',
  'abc%00def',
  'x'.repeat(5_000),
  "1' OR '1'='1",
  '1; DROP TABLE Patient; --',
  '" UNION SELECT * FROM User --',
  '%',
  '%E0%A4%A',
  '\u202e\u200d🤒',
  '__proto__',
  'constructor',
  '-1',
  '9007199254740993',
  '1e308',
];

const sqlish = ["' OR 1=1 --", "%' OR name LIKE '%", '\\', '%_%', '"; SELECT SLEEP(5); --'];
/** A lone surrogate, NUL, a right-to-left override, a joiner and an emoji that needs four bytes in UTF-8. */
const oddText = '\ud800\u0000\u202e\u200d🤒 نہیں';

const protoBodies = [
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '{"prototype": {"admin": true}}',
  '{"a": {"b": {"__proto__": {"admin": true}}}}',
  '[{"__proto__": {"admin": true}}]',
];

/** Inserts a poisoned key into every object of a JSON text. */
const poisonEveryLevel = (json: string, key: string) =>
  json.replaceAll('{', `{"${key}": {"admin": true}, `).replaceAll(', }', '}');

function bodyCases(doc: OpenApiDocument, op: Operation, url: string): Case[] {
  const schema = op.body ? resolve(doc, op.body) : undefined;
  const example = schema ? exampleOf(doc, schema) : {};
  const json = (value: unknown, label: string): Case => ({ label, url, payload: JSON.stringify(value) });
  const raw = (payload: string, label: string, contentType = JSON_TYPE, expected?: number): Case => ({
    label,
    url,
    payload,
    contentType,
    always: true,
    ...(expected ? { expect: expected } : {}),
  });
  const cases: Case[] = [json(example, 'plausible body')];
  const properties = Object.entries(schema?.properties ?? {});
  const withField = (name: string, value: unknown) => ({ ...(example as object), [name]: value });
  for (const [name, prop] of properties) {
    const type = typeOf(doc, prop);
    for (const wrong of wrongValuesFor(type).slice(0, 2))
      cases.push(json(withField(name, wrong), `${name}: wrong type`));
    if (type === 'number' || type === 'integer') {
      for (const n of [1e308, -1e308, 2 ** 53 + 1]) cases.push(json(withField(name, n), `${name}: ${n}`));
      cases.push(raw(JSON.stringify(withField(name, 0)).replace(/:0([,}])/, ':1e999$1'), `${name}: 1e999`));
    }
    if (type === 'string' || type === 'enum') {
      cases.push(json(withField(name, 'x'.repeat(60_000)), `${name}: 60,000 characters`));
      cases.push(json(withField(name, sqlish[0]), `${name}: SQL`));
      cases.push(json(withField(name, oddText), `${name}: odd Unicode`));
    }
    if (type === 'object' || type === 'array') {
      const deep = JSON.stringify(withField(name, 0)).replace(/:0([,}])/, `:${nested(5_000, '[', ']')}$1`);
      cases.push(raw(deep, `${name}: nested 5,000 deep`, JSON_TYPE, 400));
    }
  }
  const deepExtra = JSON.stringify(withField('extra', 0)).replace(/:0([,}])/, `:${nested(5_000, '{"a":', '}')}$1`);
  cases.push(raw(deepExtra, 'an extra key nested 5,000 deep', JSON_TYPE, 400));
  const samples = fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 8, seed: SEED + op.path.length });
  cases.push(...samples.map((v, i) => json(v, `random JSON #${i}`)));
  const exampleJson = JSON.stringify(example);
  cases.push(
    raw(nested(5_000, '{"a":', '}'), 'objects nested 5,000 deep', JSON_TYPE, 400),
    raw(nested(20_000, '[', ']'), 'arrays nested 20,000 deep', JSON_TYPE, 400),
    ...protoBodies.map((b) => raw(b, `prototype key ${b}`)),
    raw(poisonEveryLevel(exampleJson, '__proto__'), '__proto__ at every level'),
    raw(poisonEveryLevel(exampleJson, 'constructor'), 'constructor at every level'),
    raw('', 'empty body with a JSON content type'),
    raw('{"a": 1,', 'truncated JSON'),
    raw("{'single': 'quotes'}", 'invalid JSON'),
    raw('\u0000\uffff', 'binary garbage'),
    raw(exampleJson, 'text/plain body', 'text/plain'),
    raw('a=1&b=2', 'form body', 'application/x-www-form-urlencoded'),
    raw('--x\r\n\r\n--x--', 'multipart body', 'multipart/form-data; boundary=x'),
    raw(JSON.stringify({ pad: 'x'.repeat(70 * 1024) }), 'body over 64 KiB', JSON_TYPE, 413),
  );
  return cases;
}

/** Form bodies (FHIR's POST searches): prototype keys, and more names, repeats or bytes than the route takes. */
function formCases(url: string): Case[] {
  const form = (payload: string, label: string, expected?: number): Case => ({
    label,
    url,
    payload,
    contentType: FORM_TYPE,
    always: true,
    ...(expected ? { expect: expected } : {}),
  });
  return [
    form('__proto__[admin]=true&constructor[prototype][admin]=true&__proto__=x', 'form: prototype keys'),
    form(Array.from({ length: 50 }, () => 'name=a').join('&'), 'form: a name 50 times'),
    form(Array.from({ length: 50 }, (_v, i) => `p${i}=a`).join('&'), 'form: 50 names'),
    form(`name=${'x'.repeat(5_000)}`, 'form: a value of 5,000 characters'),
    form(`name=${encodeURIComponent(sqlish[1] ?? '')}&_count=${encodeURIComponent(sqlish[0] ?? '')}`, 'form: SQL'),
    form('name=%E0%A4%A&%00=%00', 'form: bad percent-encoding'),
    form(`name=${'x'.repeat(70 * 1024)}`, 'form: body over 64 KiB', 413),
  ];
}

function queryCases(doc: OpenApiDocument, op: Operation, url: string): Case[] {
  const cases: Case[] = [];
  const withQuery = (q: string, label: string) => cases.push({ label, url: `${url}?${q}` });
  for (const [name, schema] of Object.entries(op.query)) {
    const type = typeOf(doc, schema as JsonSchema);
    if (type === 'integer' || type === 'number') {
      for (const v of ['abc', '1e308', '-1e308', '9007199254740993', '1.5', 'NaN', 'Infinity', ''])
        withQuery(`${name}=${encodeURIComponent(v)}`, `${name}=${v}`);
    } else {
      withQuery(`${name}=${'x'.repeat(5_000)}`, `${name}: 5,000 characters`);
      withQuery(`${name}=${encodeURIComponent(sqlish[1] ?? '')}`, `${name}: SQL`);
      withQuery(`${name}=%00%E0%A4%A`, `${name}: bad percent-encoding`);
      // A lone surrogate cannot be percent-encoded; the rest can.
      withQuery(`${name}=${encodeURIComponent(oddText.slice(1))}`, `${name}: odd Unicode`);
    }
    withQuery(`${name}=1&${name}=2`, `${name} twice`);
    withQuery(`${name}[__proto__][admin]=true`, `${name} with a prototype key`);
  }
  withQuery('__proto__[admin]=true&constructor[prototype][admin]=true', 'prototype keys in the query');
  const random = fc.sample(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })), {
    numRuns: 5,
    seed: SEED,
  });
  for (const [i, q] of random.entries()) withQuery(new URLSearchParams(q).toString(), `random query #${i}`);
  return cases;
}

function pathCases(op: Operation, known: Record<string, string>): Case[] {
  return op.pathParams.length === 0
    ? []
    : hostileIds
        .map((id) => ({
          label: `path parameter ${id.slice(0, 40)}`,
          url: fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p, id])), /%/.test(id)),
        }))
        .concat(
          { label: 'known ids', url: fillPath(op.path, known) },
          {
            label: 'path parameter ../ unencoded',
            url: fillPath(op.path, { [op.pathParams[0] ?? 'id']: '../../admin/users' }, true),
          },
        );
}

function casesFor(doc: OpenApiDocument, op: Operation, known: Record<string, string>): Case[] {
  const url = fillPath(op.path, known);
  const cases = [
    ...pathCases(op, known),
    ...queryCases(doc, op, url),
    ...(op.method === 'GET' || op.method === 'DELETE' ? [] : bodyCases(doc, op, url)),
    ...(op.form ? formCases(url) : []),
  ];
  // The structural attacks, and a spread of the rest within the per-operation bound.
  const must = cases.filter((c) => c.always);
  const rest = cases.filter((c) => !c.always);
  const room = Math.max(0, CASES_PER_OPERATION - must.length);
  const step = Math.max(1, rest.length / Math.max(room, 1));
  const picked = Array.from({ length: Math.min(rest.length, room) }, (_v, i) => rest[Math.floor(i * step)]).filter(
    (c): c is Case => c !== undefined,
  );
  return [...must, ...picked].sort((x, y) => Number(!x.expect) - Number(!y.expect)).slice(0, CASES_PER_OPERATION);
}

interface Failure {
  caller: string;
  operation: string;
  label: string;
  status: number;
  contentType: string;
  body: string;
}

let s: Awaited<ReturnType<typeof createTestServer>>;
let doc: OpenApiDocument;
let callers: CallerHeaders[];
let known: Record<string, string>;

beforeAll(async () => {
  s = await createTestServer({ engine: true });
  doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const everyone = await everyKindOfCaller(s.app, s.db);
  callers = everyone.callers;
  const patient = await s.app.inject({
    method: 'POST',
    url: '/api/v1/patients',
    headers: everyone.practitioner.headers,
    payload: { name: 'Fuzz Patient', age: 40, sex: 'female' },
  });
  const encounter = await s.app.inject({
    method: 'POST',
    url: `/api/v1/patients/${patient.json().id}/encounters`,
    headers: everyone.practitioner.headers,
    payload: { complaint: 'headache and nausea' },
  });
  // Real ids where a route names one, so plausible bodies reach the handlers; unknown ids elsewhere.
  known = { id: encounter.json().id, code: 'shaqeeqa', token: 'A'.repeat(43) };
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** Ids a path template may take: the patient route gets the patient's id through the encounter it owns. */
async function knownFor(op: Operation): Promise<Record<string, string>> {
  if (op.path.startsWith('/api/v1/patients/{id}')) {
    const row = await s.db.encounter.findUniqueOrThrow({ where: { id: known.id as string } });
    return { ...known, id: row.patientId };
  }
  if (op.path.startsWith('/fhir/CodeSystem/{id}')) return { ...known, id: 'unani-cdss-diseases' };
  return known;
}

function acceptable(op: Operation, c: Case, status: number, contentType: string, body: string): boolean {
  // Where the request lands once `..` segments are resolved, as the server sees it.
  const path = new URL(c.url, 'http://server').pathname;
  const underFhir = op.fhir && path.startsWith('/fhir/');
  // The OAuth token endpoint answers errors as RFC 6749 says: JSON with an `error` code.
  const isError =
    path === '/fhir/auth/token'
      ? /^application\/json/.test(contentType) && /^\{"error":"[a-z_]+"/.test(body)
      : underFhir
        ? /^application\/fhir\+json/.test(contentType) && body.includes('"OperationOutcome"')
        : /^application\/problem\+json/.test(contentType);
  if (c.expect) return status === c.expect && isError;
  if (status >= 500) return false;
  if (status < 400) return status >= 200;
  return isError;
}

describe('every operation under hostile input', () => {
  it('answers 4xx problem documents or 2xx — never 5xx — for every caller', async () => {
    const started = Date.now();
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(40);
    // Signing out would end the sessions the later operations are sent with.
    operations.sort((x, y) => Number(x.path.endsWith('/logout')) - Number(y.path.endsWith('/logout')));
    const failures: Failure[] = [];
    let sent = 0;
    for (const op of operations) {
      const cases = casesFor(doc, op, await knownFor(op));
      for (const caller of callers) {
        for (const c of cases) {
          if (Date.now() - started > RUN_BUDGET_MS) break;
          const options: InjectOptions = {
            method: op.method,
            url: c.url,
            headers: {
              ...headersFor(caller, op.method),
              ...(c.payload !== undefined ? { 'content-type': c.contentType ?? JSON_TYPE } : {}),
            },
            remoteAddress: clientAddress(sent++),
            ...(c.payload !== undefined ? { payload: c.payload } : {}),
          };
          const res = await s.app.inject(options);
          const contentType = String(res.headers['content-type'] ?? '');
          if (!acceptable(op, c, res.statusCode, contentType, res.body)) {
            failures.push({
              caller: caller.name,
              operation: `${op.method} ${op.path}`,
              label: c.label,
              status: res.statusCode,
              contentType,
              body: res.body.slice(0, 200),
            });
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(failures.slice(0, 15), `${failures.length} unacceptable answers of ${sent}`).toEqual([]);
  }, 90_000);

  it('leaves no prototype polluted and the server alive', async () => {
    expect(({} as { admin?: unknown }).admin).toBeUndefined();
    expect((Object.prototype as { admin?: unknown }).admin).toBeUndefined();
    const live = await s.app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
  });
});
