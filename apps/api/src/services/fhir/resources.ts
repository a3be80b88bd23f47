// The FHIR R4 resources this server sends, as zod schemas: they type the mappers and, as route response
// schemas, strip any element a mapper did not mean to send. Only the elements we produce are modelled.
import { z } from 'zod';

export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json';

export const Coding = z.object({
  system: z.string().optional(),
  version: z.string().optional(),
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
  identifier: z.array(z.object({ use: z.literal('usual'), system: z.string(), value: z.string() })).optional(),
  name: z.array(z.object({ text: z.string() })).optional(),
  gender: z.enum(administrativeGenders).optional(),
  birthDate: z.iso.date().optional(),
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

export const Designation = z.object({ language: z.string().optional(), use: Coding.optional(), value: z.string() });
export type Designation = z.infer<typeof Designation>;

/** What every terminology resource of ours (CodeSystem, ValueSet, ConceptMap, StructureDefinition) says of itself. */
const canonicalResource = {
  id: z.string(),
  meta: Meta.optional(),
  url: z.string(),
  version: z.string(),
  name: z.string(),
  title: z.string(),
  status: z.literal('active'),
  experimental: z.boolean(),
  date: z.string().optional(),
  publisher: z.string(),
  description: z.string(),
  copyright: z.string().optional(),
};

const ConceptProperty = z.object({
  code: z.string(),
  valueCode: z.string().optional(),
  valueCoding: Coding.optional(),
  valueString: z.string().optional(),
});

export const CodeSystem = z.object({
  resourceType: z.literal('CodeSystem'),
  ...canonicalResource,
  caseSensitive: z.boolean(),
  valueSet: z.string().optional(),
  content: z.enum(['complete', 'fragment']),
  count: z.number().int().optional(),
  property: z
    .array(z.object({ code: z.string(), uri: z.string().optional(), description: z.string(), type: z.string() }))
    .optional(),
  concept: z.array(
    z.object({
      code: z.string(),
      display: z.string(),
      definition: z.string().optional(),
      designation: z.array(Designation).optional(),
      property: z.array(ConceptProperty).optional(),
    }),
  ),
});
export type CodeSystem = z.infer<typeof CodeSystem>;

const ExpansionParameter = z.object({
  name: z.string(),
  valueString: z.string().optional(),
  valueInteger: z.number().int().optional(),
  valueBoolean: z.boolean().optional(),
  valueUri: z.string().optional(),
});

export const ValueSet = z.object({
  resourceType: z.literal('ValueSet'),
  ...canonicalResource,
  immutable: z.boolean().optional(),
  compose: z
    .object({
      include: z.array(
        z.object({
          system: z.string(),
          version: z.string().optional(),
          concept: z.array(z.object({ code: z.string(), display: z.string().optional() })).optional(),
        }),
      ),
    })
    .optional(),
  expansion: z
    .object({
      identifier: z.string(),
      timestamp: z.string(),
      total: z.number().int(),
      offset: z.number().int(),
      parameter: z.array(ExpansionParameter).optional(),
      contains: z
        .array(
          z.object({
            system: z.string(),
            version: z.string().optional(),
            code: z.string(),
            display: z.string().optional(),
            designation: z.array(Designation).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type ValueSet = z.infer<typeof ValueSet>;

export const conceptMapEquivalences = ['equivalent', 'wider', 'narrower', 'relatedto', 'inexact'] as const;
export type ConceptMapEquivalence = (typeof conceptMapEquivalences)[number];

export const ConceptMap = z.object({
  resourceType: z.literal('ConceptMap'),
  ...canonicalResource,
  sourceCanonical: z.string().optional(),
  targetCanonical: z.string().optional(),
  group: z
    .array(
      z.object({
        source: z.string(),
        sourceVersion: z.string().optional(),
        target: z.string(),
        targetVersion: z.string().optional(),
        element: z.array(
          z.object({
            code: z.string(),
            display: z.string().optional(),
            target: z.array(
              z.object({
                code: z.string(),
                display: z.string().optional(),
                equivalence: z.enum(conceptMapEquivalences),
                comment: z.string().optional(),
              }),
            ),
          }),
        ),
      }),
    )
    .optional(),
});
export type ConceptMap = z.infer<typeof ConceptMap>;

const ElementDefinition = z.object({
  id: z.string(),
  path: z.string(),
  short: z.string().optional(),
  definition: z.string().optional(),
  min: z.number().int().optional(),
  max: z.string().optional(),
  type: z.array(z.object({ code: z.string() })).optional(),
  fixedUri: z.string().optional(),
});

export const StructureDefinition = z.object({
  resourceType: z.literal('StructureDefinition'),
  ...canonicalResource,
  fhirVersion: z.string(),
  kind: z.literal('complex-type'),
  abstract: z.boolean(),
  context: z.array(z.object({ type: z.literal('element'), expression: z.string() })),
  type: z.literal('Extension'),
  baseDefinition: z.string(),
  derivation: z.literal('constraint'),
  differential: z.object({ element: z.array(ElementDefinition) }),
});
export type StructureDefinition = z.infer<typeof StructureDefinition>;

const ParameterValue = z.object({
  name: z.string(),
  valueString: z.string().optional(),
  valueCode: z.string().optional(),
  valueUri: z.string().optional(),
  valueBoolean: z.boolean().optional(),
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
  /** Reads answer an ETag and 304 to a matching If-None-Match (routes/fhir/readValidators.ts). */
  conditionalRead: z.literal('not-match').optional(),
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
  ValueSet,
  ConceptMap,
  StructureDefinition,
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
