// The FHIR R4 resources this server sends, as zod schemas: they type the mappers and, as route response
// schemas, strip any element a mapper did not mean to send. Only the elements we produce are modelled.
import { z } from 'zod';

export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json';

export const Coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export type Coding = z.infer<typeof Coding>;

export const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
export type CodeableConcept = z.infer<typeof CodeableConcept>;

export const Reference = z.object({ reference: z.string().optional(), display: z.string().optional() });
export type Reference = z.infer<typeof Reference>;

const Meta = z.object({ lastUpdated: z.string().optional() });
const Annotation = z.object({ text: z.string() });
const Quantity = z.object({ value: z.number(), unit: z.string(), system: z.string(), code: z.string() });
const Extension = z.object({ url: z.string(), valueAge: Quantity.optional() });

export const administrativeGenders = ['male', 'female', 'other', 'unknown'] as const;

export const Patient = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  meta: Meta.optional(),
  extension: z.array(Extension).optional(),
  name: z.array(z.object({ text: z.string() })).optional(),
  gender: z.enum(administrativeGenders).optional(),
});
export type Patient = z.infer<typeof Patient>;

export const Encounter = z.object({
  resourceType: z.literal('Encounter'),
  id: z.string(),
  meta: Meta.optional(),
  status: z.enum(['in-progress', 'finished']),
  class: Coding,
  subject: Reference,
  period: z.object({ start: z.string().optional(), end: z.string().optional() }).optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  priority: CodeableConcept.optional(),
  diagnosis: z.array(z.object({ condition: Reference })).optional(),
});
export type Encounter = z.infer<typeof Encounter>;

export const Condition = z.object({
  resourceType: z.literal('Condition'),
  id: z.string(),
  clinicalStatus: CodeableConcept,
  verificationStatus: CodeableConcept,
  category: z.array(CodeableConcept).optional(),
  code: CodeableConcept,
  subject: Reference,
  encounter: Reference.optional(),
  recordedDate: z.string().optional(),
  note: z.array(Annotation).optional(),
});
export type Condition = z.infer<typeof Condition>;

export const Observation = z.object({
  resourceType: z.literal('Observation'),
  id: z.string(),
  status: z.literal('final'),
  category: z.array(CodeableConcept).optional(),
  code: CodeableConcept,
  subject: Reference,
  encounter: Reference.optional(),
  effectiveDateTime: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  note: z.array(Annotation).optional(),
});
export type Observation = z.infer<typeof Observation>;

const Designation = z.object({ language: z.string().optional(), use: Coding.optional(), value: z.string() });

export const CodeSystem = z.object({
  resourceType: z.literal('CodeSystem'),
  id: z.string(),
  meta: Meta.optional(),
  url: z.string(),
  name: z.string(),
  title: z.string(),
  status: z.literal('active'),
  experimental: z.boolean(),
  date: z.string().optional(),
  publisher: z.string(),
  description: z.string(),
  caseSensitive: z.boolean(),
  content: z.literal('complete'),
  count: z.number().int(),
  property: z.array(
    z.object({ code: z.string(), uri: z.string().optional(), description: z.string(), type: z.string() }),
  ),
  concept: z.array(
    z.object({
      code: z.string(),
      display: z.string(),
      definition: z.string().optional(),
      designation: z.array(Designation).optional(),
      property: z
        .array(z.object({ code: z.string(), valueCode: z.string().optional(), valueCoding: Coding.optional() }))
        .optional(),
    }),
  ),
});
export type CodeSystem = z.infer<typeof CodeSystem>;

const ParameterValue = z.object({
  name: z.string(),
  valueString: z.string().optional(),
  valueCode: z.string().optional(),
  valueCoding: Coding.optional(),
});

export const Parameters = z.object({
  resourceType: z.literal('Parameters'),
  parameter: z.array(ParameterValue.extend({ part: z.array(ParameterValue).optional() })),
});
export type Parameters = z.infer<typeof Parameters>;

export const OperationOutcome = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(
    z.object({
      severity: z.enum(['fatal', 'error', 'warning', 'information']),
      code: z.string(),
      diagnostics: z.string().optional(),
    }),
  ),
});
export type OperationOutcome = z.infer<typeof OperationOutcome>;

const CapabilityResource = z.object({
  type: z.string(),
  interaction: z.array(z.object({ code: z.string() })),
  searchParam: z
    .array(z.object({ name: z.string(), type: z.string(), documentation: z.string().optional() }))
    .optional(),
  operation: z.array(z.object({ name: z.string(), definition: z.string() })).optional(),
});

export const CapabilityStatement = z.object({
  resourceType: z.literal('CapabilityStatement'),
  status: z.literal('active'),
  date: z.string(),
  publisher: z.string(),
  kind: z.literal('instance'),
  software: z.object({ name: z.string() }),
  implementation: z.object({ description: z.string(), url: z.string() }),
  fhirVersion: z.literal(FHIR_VERSION),
  format: z.array(z.string()),
  rest: z.array(
    z.object({
      mode: z.literal('server'),
      documentation: z.string().optional(),
      security: z.object({ description: z.string() }),
      resource: z.array(CapabilityResource),
    }),
  ),
});
export type CapabilityStatement = z.infer<typeof CapabilityStatement>;

/** What a Bundle of ours may carry: records, and in a searchset an OperationOutcome about the search itself. */
export const BundledResource = z.discriminatedUnion('resourceType', [
  Patient,
  Encounter,
  Condition,
  Observation,
  CodeSystem,
  OperationOutcome,
]);
export type BundledResource = z.infer<typeof BundledResource>;
/** A record with an id, which a Bundle entry's fullUrl points to. */
export type RecordResource = Exclude<BundledResource, OperationOutcome>;

export const Bundle = z.object({
  resourceType: z.literal('Bundle'),
  id: z.string(),
  type: z.enum(['searchset', 'collection']),
  timestamp: z.string(),
  total: z.number().int().optional(),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.object({
        fullUrl: z.string(),
        resource: BundledResource,
        search: z.object({ mode: z.enum(['match', 'include', 'outcome']) }).optional(),
      }),
    )
    .optional(),
});
export type Bundle = z.infer<typeof Bundle>;
