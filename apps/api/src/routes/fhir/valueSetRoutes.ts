// Public FHIR ValueSets: read, search by url, $expand (filter, offset, count) and $validate-code, each operation by
// GET with query parameters or POST with a Parameters body.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { searchset } from '../../services/fhir/bundle.ts';
import { Bundle, OperationOutcome, Parameters, ValueSet } from '../../services/fhir/resources.ts';
import { validateCodeParameters } from '../../services/fhir/validateCode.ts';
import { expandValueSet, loadValueSet, validateInValueSet } from '../../services/fhir/valueSets.ts';
import { isValueSetId, type ValueSetId, valueSetIdOf, valueSetIds } from '../../services/fhir/valueSetUrls.ts';
import { fhirBase, requestUrl } from './baseUrl.ts';
import {
  CodeableConceptIn,
  CodingIn,
  operationInput,
  ParametersBody,
  QueryBoolean,
  QueryInteger,
} from './operationInput.ts';
import { codesToCheck, errors, everyone, IdParam, tags, UrlSearch } from './terminology.ts';

/** The most concepts one $expand page holds; without `count` the whole expansion is sent. */
export const MAX_EXPAND_COUNT = 1000;

const Url = z.string().min(1).max(500);
const Filter = z.string().min(1).max(200);

const ExpandInput = z.object({
  url: Url.optional(),
  filter: Filter.optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
  count: z.number().int().min(0).max(MAX_EXPAND_COUNT).optional(),
  includeDesignations: z.boolean().optional(),
});
type ExpandInput = z.infer<typeof ExpandInput>;
const ExpandQuery = z.object({
  url: Url.optional(),
  filter: Filter.optional().describe('Words that must all occur in the code, display or a designation'),
  offset: QueryInteger.pipe(z.number().max(1_000_000)).optional().describe('Where the page starts (0 first)'),
  count: QueryInteger.pipe(z.number().max(MAX_EXPAND_COUNT))
    .optional()
    .describe(`Concepts in the page, at most ${MAX_EXPAND_COUNT}; all when absent`),
  includeDesignations: QueryBoolean.optional(),
});

const ValidateInput = z.object({
  url: Url.optional(),
  system: Url.optional(),
  systemVersion: z.string().min(1).max(100).optional(),
  code: z.string().min(1).max(191).optional(),
  display: z.string().min(1).max(1000).optional(),
  coding: CodingIn.optional(),
  codeableConcept: CodeableConceptIn.optional(),
});
type ValidateInput = z.infer<typeof ValidateInput>;
const ValidateQuery = ValidateInput.pick({ url: true, system: true, systemVersion: true, code: true, display: true });

function valueSetId(id: string): ValueSetId {
  if (!isValueSetId(id))
    throw new HttpProblem(404, 'Not Found', `ValueSet/${id} does not exist; try ${valueSetIds.join(', ')}.`);
  return id;
}

function valueSetFor(pathId: string | undefined, url: string | undefined): ValueSetId {
  if (pathId !== undefined) return valueSetId(pathId);
  if (url === undefined) throw new HttpProblem(400, 'Bad Request', 'Name the ValueSet: url, or ValueSet/[id]/$….');
  const id = valueSetIdOf(url);
  if (!id) throw new HttpProblem(404, 'Not Found', `This server holds no ValueSet "${url}".`);
  return id;
}

const postResponses = { 200: Parameters, ...errors, 415: OperationOutcome };

export const valueSetRoutes: FastifyPluginAsyncZod = async (app) => {
  const expand = (pathId: string | undefined, input: ExpandInput) =>
    expandValueSet(app.db, valueSetFor(pathId, input.url), input);

  const validate = async (pathId: string | undefined, input: ValidateInput) => {
    const id = valueSetFor(pathId, input.url);
    const codes = codesToCheck({ ...input, version: input.systemVersion });
    return validateCodeParameters(await validateInValueSet(app.db, id, codes));
  };

  app.get(
    '/ValueSet',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The ValueSets: all our diseases, all our symptoms, NAMASTE NUMC, ICD-11 TM2 (optionally by `url`)',
        querystring: UrlSearch,
        response: { 200: Bundle, ...errors },
      },
    },
    async (req) => {
      const { url } = req.query;
      const ids = url === undefined ? valueSetIds : valueSetIds.filter((id) => id === valueSetIdOf(url));
      const sets = await Promise.all(ids.map((id) => loadValueSet(app.db, id)));
      return searchset(fhirBase(req), [{ relation: 'self', url: requestUrl(req) }], sets);
    },
  );

  app.get(
    '/ValueSet/$expand',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Expand the ValueSet with `url`: filter, offset and count page it; expansion.total counts all matches',
        querystring: ExpandQuery,
        response: { 200: ValueSet, ...errors },
      },
    },
    async (req) => expand(undefined, req.query),
  );

  app.post(
    '/ValueSet/$expand',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$expand with a Parameters body (url, filter, offset, count, includeDesignations)',
        body: ParametersBody,
        response: { 200: ValueSet, ...errors, 415: OperationOutcome },
      },
    },
    async (req) => expand(undefined, operationInput(ExpandInput, req.body)),
  );

  app.get(
    '/ValueSet/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Is this code (system, code, display) in the ValueSet with `url`? result true/false',
        querystring: ValidateQuery,
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => validate(undefined, req.query),
  );

  app.post(
    '/ValueSet/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$validate-code with a Parameters body (url, system, code, display, coding, codeableConcept)',
        body: ParametersBody,
        response: postResponses,
      },
    },
    async (req) => validate(undefined, operationInput(ValidateInput, req.body)),
  );

  app.get(
    '/ValueSet/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'One ValueSet', params: IdParam, response: { 200: ValueSet, ...errors } },
    },
    async (req) => loadValueSet(app.db, valueSetId(req.params.id)),
  );

  app.get(
    '/ValueSet/:id/$expand',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Expand this ValueSet (filter, offset, count)',
        params: IdParam,
        querystring: ExpandQuery.omit({ url: true }),
        response: { 200: ValueSet, ...errors },
      },
    },
    async (req) => expand(req.params.id, req.query),
  );

  app.post(
    '/ValueSet/:id/$expand',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$expand this ValueSet with a Parameters body',
        params: IdParam,
        body: ParametersBody,
        response: { 200: ValueSet, ...errors, 415: OperationOutcome },
      },
    },
    async (req) => expand(req.params.id, operationInput(ExpandInput.omit({ url: true }), req.body)),
  );

  app.get(
    '/ValueSet/:id/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Is this code in this ValueSet?',
        params: IdParam,
        querystring: ValidateQuery.omit({ url: true }),
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => validate(req.params.id, req.query),
  );

  app.post(
    '/ValueSet/:id/$validate-code',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$validate-code on this ValueSet with a Parameters body',
        params: IdParam,
        body: ParametersBody,
        response: postResponses,
      },
    },
    async (req) => validate(req.params.id, operationInput(ValidateInput.omit({ url: true }), req.body)),
  );
};
