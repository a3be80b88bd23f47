// The inputs of the terminology operations ($expand, $validate-code, $translate), which FHIR lets a client send as
// query parameters (GET) or as a Parameters resource (POST, application/fhir+json or application/json). Both are read
// into one plain object and checked by the same zod schema, so GET and POST accept exactly the same inputs.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../plugins/jsonBody.ts';
import { FHIR_JSON } from '../../services/fhir/resources.ts';

const Uri = z.string().min(1).max(500);
const Text = z.string().min(1).max(1000);
const CodeText = z.string().min(1).max(191);

export const CodingIn = z.object({
  system: Uri.optional(),
  version: z.string().max(100).optional(),
  code: CodeText.optional(),
  display: Text.optional(),
});
export const CodeableConceptIn = z.object({ coding: z.array(CodingIn).max(20).optional(), text: Text.optional() });

const ParameterIn = z.strictObject({
  name: z.string().min(1).max(64),
  valueString: Text.optional(),
  valueCode: CodeText.optional(),
  valueUri: Uri.optional(),
  valueCanonical: Uri.optional(),
  valueInteger: z.number().int().optional(),
  valueBoolean: z.boolean().optional(),
  valueCoding: CodingIn.optional(),
  valueCodeableConcept: CodeableConceptIn.optional(),
});

/** A Parameters resource as a request body. A parameter of a kind no operation here takes (a `resource`) is refused. */
export const ParametersBody = z.object({
  resourceType: z.literal('Parameters'),
  id: z.string().max(64).optional(),
  parameter: z.array(ParameterIn).max(40).optional(),
});
export type ParametersBody = z.infer<typeof ParametersBody>;

const VALUE_KEYS = [
  'valueString',
  'valueCode',
  'valueUri',
  'valueCanonical',
  'valueInteger',
  'valueBoolean',
  'valueCoding',
  'valueCodeableConcept',
] as const;

/** The parameters by name; each operation input here is given at most once, with exactly one value. */
function bodyFields(body: ParametersBody): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null);
  for (const p of body.parameter ?? []) {
    const values = VALUE_KEYS.filter((k) => p[k] !== undefined);
    if (values.length !== 1)
      throw new HttpProblem(400, 'Bad Request', `The parameter "${p.name}" must have exactly one value[x].`);
    if (p.name in fields) throw new HttpProblem(400, 'Bad Request', `The parameter "${p.name}" is given twice.`);
    fields[p.name] = p[values[0] as (typeof VALUE_KEYS)[number]];
  }
  return fields;
}

/** Query strings carry text only: integers and booleans are read from it before the operation's schema checks. */
export const QueryInteger = z
  .string()
  .regex(/^\d{1,6}$/, 'must be a whole number')
  .transform(Number);
export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Checks a POST body's parameters against the operation's input schema; a problem answers 400. */
export function operationInput<S extends z.ZodType>(schema: S, body: ParametersBody): z.infer<S> {
  const parsed = schema.safeParse(bodyFields(body));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: i.path.length ? i.path.join('.') : 'parameter',
      message: i.message,
    }));
    throw new HttpProblem(400, 'Bad Request', 'The Parameters body is invalid.', errors);
  }
  return parsed.data;
}

/** FHIR's own JSON media type, read as application/json is (the same nesting limit). */
export function registerFhirJsonBody(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, (req, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      const detail = `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; send a flatter document.`;
      done(new HttpProblem(400, 'Bad Request', detail), undefined);
      return;
    }
    return parseJson(req, body as string, done);
  });
}
