// How routes become operations of the OpenAPI document (plugins/openapiDocument.ts), without a database: the served
// document itself, probed against the server's real answers and linted, is in openapi.int.test.ts.
import { Problem, roles } from '@unani/contracts';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildServer } from '../src/app.ts';
import type { Db } from '../src/db/prisma.ts';
import { type AccessRule, acceptedCredentials, authorize, type Caller } from '../src/plugins/auth.ts';
import {
  derivedOperationId,
  documentedResponses,
  finishOperations,
  OPTIONAL_BODY,
  operationIdOf,
  PROBLEM_JSON,
  securityOf,
  withoutUnusedSchemas,
} from '../src/plugins/openapiDocument.ts';

describe('operationId', () => {
  it('is made from the method and the path where no name is given', () => {
    expect(derivedOperationId('GET', '/fhir/CodeSystem/:id/$lookup')).toBe('getFhirCodeSystemByIdLookup');
    expect(derivedOperationId('POST', '/fhir/Patient/_search')).toBe('postFhirPatientSearch');
    expect(derivedOperationId('POST', '/cds-services/unani-cdss-differential')).toBe(
      'postCdsServicesUnaniCdssDifferential',
    );
    expect(derivedOperationId('GET', '/health/live')).toBe('getHealthLive');
  });

  it('is the route table’s name for a route of the table, and a declared one wins over both', () => {
    expect(operationIdOf('GET', '/api/v1/patients/:id')).toBe('getPatient');
    expect(operationIdOf('GET', '/fhir/metadata')).toBe('getFhirMetadata');
    expect(operationIdOf('GET', '/fhir/metadata', 'capabilities')).toBe('capabilities');
  });
});

const session = (role: (typeof roles)[number]): Caller =>
  ({ kind: 'session', user: { role }, session: { mustEnrolTotp: false, csrfToken: 't' } }) as unknown as Caller;
const apiKey = (role: (typeof roles)[number]): Caller =>
  ({ kind: 'apiKey', user: { role }, key: { scopes: ['knowledge:read', 'engine:use', 'research:read'] } }) as never;

const rules: Record<string, AccessRule> = {
  public: { public: true },
  'session only': { roles: ['practitioner'] },
  'before the second factor': { roles, beforeSecondFactor: true },
  'session or API key': { roles: ['researcher', 'admin'], scope: 'research:read' },
};

describe('security', () => {
  it('is nothing for a public route or one without a rule, else each credential the rule accepts', () => {
    expect(securityOf(undefined)).toEqual([]);
    expect(securityOf(rules.public)).toEqual([]);
    expect(securityOf(rules['session only'])).toEqual([{ session: [] }]);
    expect(securityOf(rules['session or API key'])).toEqual([{ session: [] }, { apiKey: [] }]);
  });

  // The document's security comes from acceptedCredentials; authorize is what the server enforces.
  it.each(Object.entries(rules))('names exactly the credentials authorize admits: %s', (_, rule) => {
    const admits = (make: (role: (typeof roles)[number]) => Caller) =>
      roles.some((role) => {
        try {
          authorize({ caller: make(role), method: 'GET', headers: {} } as FastifyRequest, rule);
          return true;
        } catch {
          return false;
        }
      });
    if ('public' in rule) expect(acceptedCredentials(rule)).toEqual([]);
    else {
      expect(acceptedCredentials(rule).includes('session')).toBe(admits(session));
      expect(acceptedCredentials(rule).includes('apiKey')).toBe(admits(apiKey));
    }
  });
});

describe('responses', () => {
  const Thing = z.object({ id: z.string() });
  const OperationOutcome = z.object({ resourceType: z.literal('OperationOutcome') });
  const media = (responses: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(responses).map(([status, r]) => [
        status,
        r instanceof z.ZodType ? 'none' : Object.keys((r as { content: object }).content),
      ]),
    );

  it('sends problems as application/problem+json and adds the answers of validation and the access rule', () => {
    const responses = documentedResponses({
      schema: { params: Thing, response: { 200: Thing, 204: z.null(), 404: Problem } },
      access: rules['session only'],
    });
    expect(media(responses)).toEqual({
      200: ['application/json'],
      204: 'none',
      400: [PROBLEM_JSON],
      401: [PROBLEM_JSON],
      403: [PROBLEM_JSON],
      404: [PROBLEM_JSON],
    });
  });

  it('gives a public route 401 (a bad bearer key) but not 403; a route without a rule neither', () => {
    expect(Object.keys(documentedResponses({ schema: { response: { 200: Thing } }, access: rules.public }))).toEqual([
      '200',
      '401',
    ]);
    expect(Object.keys(documentedResponses({ schema: { response: { 200: Thing } }, access: undefined }))).toEqual([
      '200',
    ]);
  });

  it('uses the route’s own success type, and `produces` for every answer with the route’s own error schema', () => {
    expect(
      media(
        documentedResponses({ schema: { response: { 200: z.string() } }, access: undefined, successType: 'text/csv' }),
      ),
    ).toEqual({ 200: ['text/csv'] });
    const fhir = documentedResponses({
      schema: { produces: ['application/fhir+json'], response: { 200: Thing, 404: OperationOutcome } },
      access: rules['session only'],
    });
    expect(media(fhir)).toEqual({
      200: ['application/fhir+json'],
      401: ['application/fhir+json'],
      403: ['application/fhir+json'],
      404: ['application/fhir+json'],
    });
    expect(
      (fhir[401] as { content: Record<string, { schema: unknown }> }).content['application/fhir+json']?.schema,
    ).toBe(OperationOutcome);
  });
});

describe('the whole document', () => {
  it('keeps only the component schemas something refers to, through other schemas too', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const doc = withoutUnusedSchemas({
      paths: { '/a': { get: { responses: { 200: { content: { 'application/json': { schema: ref('A') } } } } } } },
      components: {
        schemas: { A: { properties: { b: ref('B') } }, B: { type: 'string' }, AInput: {}, C: { items: ref('B') } },
      },
    });
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['A', 'B']);
  });

  it('refuses an operation without an operationId, or two with the same one', () => {
    expect(() => finishOperations({ paths: { '/a': { get: {} } } })).toThrow('GET /a has no operationId');
    expect(() =>
      finishOperations({ paths: { '/a': { get: { operationId: 'x' } }, '/b': { post: { operationId: 'x' } } } }),
    ).toThrow('same operationId "x"');
  });

  it('turns the optional-body mark into requestBody.required: false', () => {
    const op = { operationId: 'x', requestBody: { required: true }, [OPTIONAL_BODY]: true };
    finishOperations({ paths: { '/a': { post: op } } });
    expect(op).toEqual({ operationId: 'x', requestBody: { required: false } });
  });

  it('names PUBLIC_URL as its server when configured, paths keeping their full form', async () => {
    const app = await buildServer({
      env: { LOG_LEVEL: 'silent', NODE_ENV: 'test', PUBLIC_URL: 'https://cdss.example.org/clinic/' },
      // Documenting the routes reads no data.
      db: {} as Db,
    });
    try {
      await app.ready();
      const doc = app.swagger() as { servers?: unknown; paths: object };
      expect(doc.servers).toEqual([{ url: 'https://cdss.example.org/clinic' }]);
      expect(Object.keys(doc.paths)).toContain('/api/v1/patients/{id}');
    } finally {
      await app.close();
    }
  });
});
