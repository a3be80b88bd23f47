// Public FHIR terminology: the CapabilityStatement, the CodeSystems (ours, NAMASTE NUMC, ICD-11 TM2), $lookup and
// $validate-code. ValueSets: valueSetRoutes.ts; ConceptMaps and StructureDefinitions: conceptMapRoutes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { searchset } from '../../services/fhir/bundle.ts';
import { capabilityStatement } from '../../services/fhir/capability.ts';
import {
  type CodeSystemId,
  codeSystemIdOf,
  codeSystemIds,
  isCodeSystemId,
  loadCodeSystem,
} from '../../services/fhir/codeSystems.ts';
import { lookupConcept } from '../../services/fhir/lookup.ts';
import {
  Bundle,
  CapabilityStatement,
  CodeSystem,
  OperationOutcome,
  Parameters,
} from '../../services/fhir/resources.ts';
import { type CodeToCheck, checkConcept, validateCodeParameters } from '../../services/fhir/validateCode.ts';
import { fhirBase, requestUrl } from './baseUrl.ts';
import { CodeableConceptIn, CodingIn, operationInput, ParametersBody } from './operationInput.ts';

export const everyone = { public: true } as const;
export const errors = { 400: OperationOutcome, 401: OperationOutcome, 404: OperationOutcome };
export const tags = ['fhir'];

const Code = z.string().min(1).max(191);
export const IdParam = z.object({ id: z.string().min(1).max(64) });
export const UrlSearch = z.object({ url: z.string().max(500).optional() });

function codeSystemId(id: string): CodeSystemId {
  if (!isCodeSystemId(id)) {
    throw new HttpProblem(404, 'Not Found', `CodeSystem/${id} does not exist; try ${codeSystemIds.join(', ')}.`);
  }
  return id;
}

function codeSystemByUrl(url: string): CodeSystemId {
  const id = codeSystemIdOf(url);
  if (!id) throw new HttpProblem(404, 'Not Found', `This server holds no CodeSystem "${url}".`);
  return id;
}

/** $validate-code on a CodeSystem: `url` (at type level), a code (with display, version) or a coding or concept. */
const ValidateCodeInput = z.object({
  url: z.string().min(1).max(500).optional(),
  code: Code.optional(),
  display: z.string().min(1).max(1000).optional(),
  version: z.string().min(1).max(100).optional(),
  coding: CodingIn.optional(),
  codeableConcept: CodeableConceptIn.optional(),
});
type ValidateCodeInput = z.infer<typeof ValidateCodeInput>;
const ValidateCodeQuery = ValidateCodeInput.pick({ url: true, code: true, display: true, version: true });

/** The codes a $validate-code names, in the order given: `code` (of `system`), then `coding`, then the concept's. */
export function codesToCheck(input: {
  system?: string;
  code?: string;
  display?: string;
  version?: string;
  coding?: z.infer<typeof CodingIn>;
  codeableConcept?: z.infer<typeof CodeableConceptIn>;
}): CodeToCheck[] {
  const codings = [
    ...(input.code !== undefined
      ? [{ system: input.system, version: input.version, code: input.code, display: input.display }]
      : []),
    ...(input.coding ? [input.coding] : []),
    ...(input.codeableConcept?.coding ?? []),
  ];
  const codes = codings.flatMap((c) =>
    c.code === undefined
      ? []
      : [
          {
            code: c.code,
            ...(c.system !== undefined ? { system: c.system } : {}),
            ...(c.version !== undefined ? { version: c.version } : {}),
            ...(c.display !== undefined ? { display: c.display } : {}),
          },
        ],
  );
  if (!codes.length)
    throw new HttpProblem(400, 'Bad Request', 'Name the code to check: code, coding or codeableConcept.');
  return codes;
}

export const terminologyRoutes: FastifyPluginAsyncZod = async (app) => {
  const startedAt = new Date();

  app.get(
    '/metadata',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'FHIR CapabilityStatement of this server',
        response: { 200: CapabilityStatement, ...errors },
      },
    },
    async (req) => capabilityStatement(fhirBase(req), startedAt),
  );

  app.get(
    '/CodeSystem',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The CodeSystems: our diseases and symptoms, NAMASTE NUMC, ICD-11 TM2 (optionally the one with `url`)',
        querystring: UrlSearch,
        response: { 200: Bundle, ...errors },
      },
    },
    async (req) => {
      const { url } = req.query;
      const ids = url === undefined ? codeSystemIds : codeSystemIds.filter((id) => id === codeSystemIdOf(url));
      const systems = await Promise.all(ids.map((id) => loadCodeSystem(app.db, id)));
      return searchset(fhirBase(req), [{ relation: 'self', url: requestUrl(req) }], systems);
    },
  );

  app.get(
    '/CodeSystem/$lookup',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Look up a code of one of the CodeSystems: display, designations and properties',
        querystring: z.object({ system: z.string().min(1).max(500), code: Code }),
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => lookup(codeSystemByUrl(req.query.system), req.query.code),
  );

  app.get(
    '/CodeSystem/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Is this code (and display) in the CodeSystem with `url`? result true/false with display and message',
        querystring: ValidateCodeQuery,
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => validateCode(undefined, req.query),
  );

  app.post(
    '/CodeSystem/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$validate-code with a Parameters body (url, code, display, version, coding, codeableConcept)',
        body: ParametersBody,
        response: { 200: Parameters, ...errors, 415: OperationOutcome },
      },
    },
    async (req) => validateCode(undefined, operationInput(ValidateCodeInput, req.body)),
  );

  app.get(
    '/CodeSystem/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'One CodeSystem', params: IdParam, response: { 200: CodeSystem, ...errors } },
    },
    async (req) => loadCodeSystem(app.db, codeSystemId(req.params.id)),
  );

  app.get(
    '/CodeSystem/:id/$lookup',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Look up a code of this CodeSystem',
        params: IdParam,
        querystring: z.object({ code: Code }),
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => lookup(codeSystemId(req.params.id), req.query.code),
  );

  app.get(
    '/CodeSystem/:id/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Is this code (and display) in this CodeSystem?',
        params: IdParam,
        querystring: ValidateCodeQuery.omit({ url: true }),
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => validateCode(codeSystemId(req.params.id), req.query),
  );

  app.post(
    '/CodeSystem/:id/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$validate-code on this CodeSystem with a Parameters body',
        params: IdParam,
        body: ParametersBody,
        response: { 200: Parameters, ...errors, 415: OperationOutcome },
      },
    },
    async (req) =>
      validateCode(codeSystemId(req.params.id), operationInput(ValidateCodeInput.omit({ url: true }), req.body)),
  );

  async function lookup(id: CodeSystemId, code: string) {
    const system = await loadCodeSystem(app.db, id);
    const found = lookupConcept(system, code);
    if (!found) throw new HttpProblem(404, 'Not Found', `The code "${code}" is not in ${system.url}.`);
    return found;
  }

  async function validateCode(pathId: CodeSystemId | undefined, input: ValidateCodeInput) {
    const id = pathId ?? (input.url !== undefined ? codeSystemByUrl(input.url) : undefined);
    if (!id) throw new HttpProblem(400, 'Bad Request', 'Name the CodeSystem: url, or CodeSystem/[id]/$validate-code.');
    const cs = await loadCodeSystem(app.db, id);
    // The code parameter belongs to this CodeSystem; a coding names its own system.
    const codes = codesToCheck({ ...input, system: cs.url });
    return validateCodeParameters(checkConcept(cs, codes, cs.url, (system) => system === cs.url));
  }
};
