// How each route becomes an operation of the OpenAPI document, derived from what the route is and does rather than
// written per route: its operationId (the route table's name, or one made from method and path), its security (from
// `config.access`, through the same rule authorize applies), the media types it really answers with, the 400/401/403
// answers its validation and access rule give, and, for the whole document, no component schema that nothing uses.
import { STATUS_CODES } from 'node:http';
import { Problem, routeTable } from '@unani/contracts';
import type { FastifySchema, RouteOptions } from 'fastify';
import { z } from 'zod';
import { type AccessRule, acceptedCredentials, type Credential } from './auth.ts';

export const JSON_TYPE = 'application/json';
/** What the error handler sends every problem document as (errors.ts). */
export const PROBLEM_JSON = 'application/problem+json';

/** The security scheme (components.securitySchemes) of each kind of credential; a new kind must name one. */
export const securitySchemeOf = {
  session: 'session',
  apiKey: 'apiKey',
  client: 'client',
} as const satisfies Record<Credential, string>;

export function securitySchemes(sessionCookieName: string) {
  return {
    [securitySchemeOf.session]: {
      type: 'apiKey',
      in: 'cookie',
      name: sessionCookieName,
      description:
        'The session cookie that `POST /api/v1/auth/login` sets. A request that changes something (POST, PATCH, DELETE) also sends the CSRF token from sign-in as the `x-csrf-token` header.',
    },
    [securitySchemeOf.apiKey]: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An API key created by an administrator, as `Authorization: Bearer <key>`. It works only on the operations that list it, within its scopes and its owner’s current role.',
    },
    [securitySchemeOf.client]: {
      type: 'http',
      scheme: 'bearer',
      description:
        'A registered client (SMART backend services): an access token from `POST /fhir/auth/token` (client credentials with a signed JWT assertion; see `/fhir/.well-known/smart-configuration`), or, on a CDS Hooks service, the JWT the CDS client signs for each request. Bounded by the client’s scopes and its owner’s current role.',
    },
  } as const;
}

/** Each route of the table by method and path. */
const tableRoutes = new Map(Object.values(routeTable).map((route) => [`${route.method} ${route.path}`, route]));

/** `GET /fhir/CodeSystem/:id/$lookup` → `getFhirCodeSystemByIdLookup`: the method, then the path's words, a parameter as `By<Name>`. */
export function derivedOperationId(method: string, url: string): string {
  const words = url.split('/').flatMap((segment) => {
    const parameter = segment.startsWith(':');
    const parts = (parameter ? segment.slice(1) : segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
    return parameter ? ['By', ...parts] : parts;
  });
  return method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** A declared `schema.operationId`, else the route table's name of the route, else one made from method and path. */
export function operationIdOf(method: string, url: string, declared?: string): string {
  return declared ?? tableRoutes.get(`${method} ${url}`)?.name ?? derivedOperationId(method, url);
}

/** The security requirement of a route: any one of the credentials its rule accepts; none for a public route. */
export function securityOf(access: AccessRule | undefined): Record<string, string[]>[] {
  // A route without a rule is not checked at all (auth.ts): as public as `{ public: true }`.
  if (!access) return [];
  return acceptedCredentials(access).map((credential) => ({ [securitySchemeOf[credential]]: [] }));
}

/** A response given by media type, as fastify-type-provider-zod documents it. */
interface ContentResponse {
  description?: string;
  content: Record<string, { schema: z.ZodType }>;
}
type Response = z.ZodType | ContentResponse;

const isNull = (schema: z.ZodType) => schema._zod.def.type === 'null';
const describeStatus = (status: string, schema?: z.ZodType) => schema?.description ?? STATUS_CODES[status] ?? status;

export interface RouteAnswers {
  schema: FastifySchema;
  access: AccessRule | undefined;
  /** The media type of a success answer when not JSON (the route table's `contentType`). */
  successType?: string;
}

/**
 * The route's responses by status, each under the media type the server sends it as: every one of `produces` where
 * the route declares it (a scope that sets the type of every answer, as /fhir does), else a problem document as
 * application/problem+json and anything else as JSON (or the route's own success type). Added where not declared:
 * 400 for a route that validates a part of the request, 401 for any route with an access rule (a malformed or
 * unknown bearer key is refused even on a public one), 403 for a route that is not public.
 */
export function documentedResponses({ schema, access, successType }: RouteAnswers): Record<string, Response> {
  const declared = { ...(schema.response as Record<string, Response> | undefined) };
  const errorSchema =
    Object.entries(declared).find(
      (entry): entry is [string, z.ZodType] => Number(entry[0]) >= 400 && entry[1] instanceof z.ZodType,
    )?.[1] ?? Problem;
  const validates = ['params', 'querystring', 'body', 'headers'].some((part) => part in schema);
  const derived: Record<string, boolean> = {
    400: validates,
    401: access !== undefined,
    403: access !== undefined && acceptedCredentials(access).length > 0,
  };
  for (const [status, applies] of Object.entries(derived))
    if (applies && !declared[status]) declared[status] = errorSchema;

  const produces = schema.produces;
  const mediaTypes = (status: string, body: z.ZodType) => {
    if (produces?.length) return produces;
    if (body === Problem) return [PROBLEM_JSON];
    return [Number(status) < 400 ? (successType ?? JSON_TYPE) : JSON_TYPE];
  };
  return Object.fromEntries(
    Object.entries(declared).map(([status, body]): [string, Response] => {
      // Already by media type, or no body at all (swagger leaves the content out of a null answer).
      if (!(body instanceof z.ZodType) || isNull(body)) return [status, body];
      const content = Object.fromEntries(mediaTypes(status, body).map((type) => [type, { schema: body }]));
      return [status, { description: describeStatus(status, body), content }];
    }),
  );
}

/** Marks an operation whose body may be left out; the document's transform turns it into `requestBody.required: false`. */
export const OPTIONAL_BODY = 'x-optional-body';

/** The route's schema as the OpenAPI document describes it, before fastify-type-provider-zod turns zod into JSON Schema. */
export function describedSchema(schema: FastifySchema, route: Pick<RouteOptions, 'method' | 'url' | 'config'>) {
  const method = [route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
  const access = route.config?.access;
  const entry = tableRoutes.get(`${method} ${route.url}`);
  const body = schema.body;
  return {
    ...schema,
    operationId: operationIdOf(method, route.url, schema.operationId),
    security: securityOf(access),
    response: documentedResponses({
      schema,
      access,
      successType: entry && 'contentType' in entry ? entry.contentType : undefined,
    }),
    ...(body instanceof z.ZodType && body.safeParse(undefined).success ? { [OPTIONAL_BODY]: true } : {}),
  };
}

/** The null answers (204) keep no content; they still get a description rather than "Default Response". */
export function describeEmptyAnswers(original: FastifySchema, transformed: FastifySchema): FastifySchema {
  const response = transformed.response as Record<string, Record<string, unknown>> | undefined;
  for (const [status, body] of Object.entries((original.response ?? {}) as Record<string, Response>)) {
    const out = response?.[status];
    if (out && body instanceof z.ZodType && isNull(body)) out.description = describeStatus(status);
  }
  return transformed;
}

interface Operation {
  operationId?: string;
  requestBody?: { required?: boolean };
  [OPTIONAL_BODY]?: boolean;
}
interface Document {
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function operationsOf(doc: Document): [string, Operation][] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {})
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op as Operation]),
  );
}

/** Applies the optional-body marks, and refuses a document with an operation without an operationId, or two with one. */
export function finishOperations(doc: Document): void {
  const seen = new Map<string, string>();
  for (const [where, op] of operationsOf(doc)) {
    if (op[OPTIONAL_BODY]) {
      if (op.requestBody) op.requestBody.required = false;
      delete op[OPTIONAL_BODY];
    }
    const id = op.operationId;
    if (!id) throw new Error(`OpenAPI: ${where} has no operationId.`);
    const other = seen.get(id);
    if (other) throw new Error(`OpenAPI: ${other} and ${where} have the same operationId "${id}".`);
    seen.set(id, where);
  }
}

const SCHEMA_REF = '#/components/schemas/';

function schemaRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) schemaRefs(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) {
        found.push(decodeURIComponent(child.slice(SCHEMA_REF.length)).replaceAll('~1', '/').replaceAll('~0', '~'));
      } else schemaRefs(child, found);
    }
  }
  return found;
}

/**
 * Leaves out the component schemas nothing refers to. Every schema with a zod id becomes two components (its input
 * and its output form, `XInput` and `X`); most are used only one way.
 */
export function withoutUnusedSchemas<D extends Document>(doc: D): D {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  const pending = schemaRefs({ ...doc, components: { ...doc.components, schemas: undefined } });
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    schemaRefs(schemas[name], pending);
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } };
}
