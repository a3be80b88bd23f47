// The operations of the OpenAPI document as data for hostile tests: method, path template, parameters and body
// schema, with a plausible value for any schema so that one field at a time can be made wrong.

/** The parts of JSON Schema the generated document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  default?: unknown;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. `/api/v1/patients/{id}`. */
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body?: JsonSchema;
  /** The schema of a form body (FHIR's POST searches), when the operation takes one. */
  form?: JsonSchema;
  /** Errors under /fhir are OperationOutcome resources, elsewhere problem documents. */
  fhir: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const FUZZED_PREFIXES = ['/api/v1/', '/fhir/', '/cds-services'];

/** Every operation under /api/v1, /fhir and /cds-services, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!FUZZED_PREFIXES.some((p) => path.startsWith(p))) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        body: op.requestBody?.content?.['application/json']?.schema,
        form: op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema,
        fhir: path.startsWith('/fhir/'),
      });
    }
  }
  return operations;
}

/** The path with each `{param}` replaced by its value, URL-encoded unless given raw. */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name] ?? 'no-such-id';
    return raw ? value : encodeURIComponent(value);
  });
}

/** The schema a `$ref` points to (components only), or the schema itself. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** The first concrete type a schema allows ("string" for `["string", "null"]`). */
export function typeOf(doc: OpenApiDocument, schema: JsonSchema): string | undefined {
  const s = resolve(doc, schema);
  if (s.enum || s.const !== undefined) return 'enum';
  const types = [s.type ?? []].flat().filter((t) => t !== 'null');
  if (types[0]) return types[0];
  const branch = s.anyOf ?? s.oneOf ?? s.allOf;
  return branch?.[0] ? typeOf(doc, branch[0]) : undefined;
}

const FORMATS: Record<string, string> = {
  email: 'someone@example.org',
  'date-time': '2024-01-01T00:00:00.000Z',
  date: '2024-01-01',
  uri: 'https://example.org/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** A plausible value for `schema`: enough to get past validation often, so that one wrong field is the only fault. */
export function exampleOf(doc: OpenApiDocument, schema: JsonSchema, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 8) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const branch = s.anyOf ?? s.oneOf ?? s.allOf;
  if (branch?.[0] && !s.type) return exampleOf(doc, branch[0], depth + 1);
  switch (typeOf(doc, s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(name)) out[name] = exampleOf(doc, prop, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((p) => exampleOf(doc, p, depth + 1));
      const count = Math.max(s.minItems ?? 0, 1);
      return s.items ? Array.from({ length: count }, () => exampleOf(doc, s.items as JsonSchema, depth + 1)) : [];
    }
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      return (s.format && FORMATS[s.format]) || 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    default:
      return null;
  }
}

/** A value of the wrong JSON type for a field of type `type`. */
export function wrongValuesFor(type: string | undefined): unknown[] {
  switch (type) {
    case 'string':
    case 'enum':
      return [12345, { nested: 'object' }, ['array']];
    case 'integer':
    case 'number':
      return ['forty-two', true, [1]];
    case 'boolean':
      return ['true', 0];
    case 'array':
      return ['not an array', { 0: 'x' }];
    case 'object':
      return ['not an object', [1, 2]];
    default:
      return [null, {}];
  }
}
