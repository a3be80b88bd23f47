// Public FHIR ConceptMaps (read, search by url, $translate by GET or POST) and the StructureDefinition of the
// patient-age extension (read, search by url).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { searchset } from '../../services/fhir/bundle.ts';
import {
  type ConceptMapId,
  conceptMapIdOf,
  conceptMapIds,
  isConceptMapId,
  loadConceptMaps,
  translate,
} from '../../services/fhir/conceptMaps.ts';
import {
  Bundle,
  ConceptMap,
  OperationOutcome,
  Parameters,
  StructureDefinition,
} from '../../services/fhir/resources.ts';
import {
  isStructureDefinitionId,
  structureDefinition,
  structureDefinitionIdOf,
  structureDefinitionIds,
} from '../../services/fhir/structureDefinitions.ts';
import { fhirBase, requestUrl } from './baseUrl.ts';
import { CodeableConceptIn, CodingIn, operationInput, ParametersBody, QueryBoolean } from './operationInput.ts';
import { errors, everyone, IdParam, tags, UrlSearch } from './terminology.ts';

const Url = z.string().min(1).max(500);

const TranslateInput = z.object({
  url: Url.optional(),
  system: Url.optional(),
  code: z.string().min(1).max(191).optional(),
  coding: CodingIn.optional(),
  codeableConcept: CodeableConceptIn.optional(),
  source: Url.optional(),
  target: Url.optional(),
  targetsystem: Url.optional(),
  reverse: z.boolean().optional(),
});
type TranslateInput = z.infer<typeof TranslateInput>;
const TranslateQuery = z.object({
  url: Url.optional(),
  system: Url.optional(),
  code: z.string().min(1).max(191).optional(),
  source: Url.optional(),
  target: Url.optional(),
  targetsystem: Url.optional(),
  reverse: QueryBoolean.optional(),
});

function conceptMapId(id: string): ConceptMapId {
  if (!isConceptMapId(id))
    throw new HttpProblem(404, 'Not Found', `ConceptMap/${id} does not exist; try ${conceptMapIds.join(', ')}.`);
  return id;
}

/** The codings a $translate names: `system` + `code`, a coding, or a concept's codings. */
function codingsOf(input: TranslateInput): { system: string; code: string }[] {
  const codings = [
    ...(input.code !== undefined || input.system !== undefined ? [{ system: input.system, code: input.code }] : []),
    ...(input.coding ? [input.coding] : []),
    ...(input.codeableConcept?.coding ?? []),
  ];
  if (!codings.length)
    throw new HttpProblem(400, 'Bad Request', 'Name what to translate: system and code, coding or codeableConcept.');
  return codings.map((c) => {
    if (c.system === undefined || c.code === undefined)
      throw new HttpProblem(400, 'Bad Request', 'A code to translate needs its system, and a system its code.');
    return { system: c.system, code: c.code };
  });
}

export const conceptMapRoutes: FastifyPluginAsyncZod = async (app) => {
  async function run(pathId: string | undefined, input: TranslateInput) {
    let ids: readonly ConceptMapId[] = conceptMapIds;
    if (pathId !== undefined) ids = [conceptMapId(pathId)];
    else if (input.url !== undefined) {
      const id = conceptMapIdOf(input.url);
      if (!id) throw new HttpProblem(404, 'Not Found', `This server holds no ConceptMap "${input.url}".`);
      ids = [id];
    }
    const codings = codingsOf(input);
    const maps = await loadConceptMaps(app.db, ids);
    const answers = codings.map((c) =>
      translate(maps, {
        ...c,
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.target !== undefined ? { target: input.target } : {}),
        ...(input.targetsystem !== undefined ? { targetsystem: input.targetsystem } : {}),
        reverse: input.reverse ?? false,
      }),
    );
    if (answers.length === 1) return answers[0] as Parameters;
    // A concept's codings: one answer with every match, true when any coding translated.
    const all = answers.flatMap((a) => a.parameter);
    const result = all.some((p) => p.name === 'result' && p.valueBoolean === true);
    return {
      resourceType: 'Parameters' as const,
      parameter: [
        { name: 'result', valueBoolean: result },
        ...(result ? [] : all.filter((p) => p.name === 'message')),
        ...all.filter((p) => p.name === 'match'),
      ],
    };
  }

  app.get(
    '/ConceptMap',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The ConceptMaps: our diseases to NUMC, TM2 and ICD-10; NUMC to TM2 (optionally by `url`)',
        querystring: UrlSearch,
        response: { 200: Bundle, ...errors },
      },
    },
    async (req) => {
      const { url } = req.query;
      const ids = url === undefined ? conceptMapIds : conceptMapIds.filter((id) => id === conceptMapIdOf(url));
      return searchset(fhirBase(req), [{ relation: 'self', url: requestUrl(req) }], await loadConceptMaps(app.db, ids));
    },
  );

  app.get(
    '/ConceptMap/$translate',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Translate system + code through the ConceptMaps (or the one with `url`): matches, result true/false',
        querystring: TranslateQuery,
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => run(undefined, req.query),
  );

  app.post(
    '/ConceptMap/$translate',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$translate with a Parameters body (url, system, code, coding, codeableConcept, target…, reverse)',
        body: ParametersBody,
        response: { 200: Parameters, ...errors, 415: OperationOutcome },
      },
    },
    async (req) => run(undefined, operationInput(TranslateInput, req.body)),
  );

  app.get(
    '/ConceptMap/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'One ConceptMap', params: IdParam, response: { 200: ConceptMap, ...errors } },
    },
    async (req) => (await loadConceptMaps(app.db, [conceptMapId(req.params.id)]))[0] as ConceptMap,
  );

  app.get(
    '/ConceptMap/:id/$translate',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Translate system + code through this ConceptMap',
        params: IdParam,
        querystring: TranslateQuery.omit({ url: true }),
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => run(req.params.id, req.query),
  );

  app.post(
    '/ConceptMap/:id/$translate',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: '$translate through this ConceptMap with a Parameters body',
        params: IdParam,
        body: ParametersBody,
        response: { 200: Parameters, ...errors, 415: OperationOutcome },
      },
    },
    async (req) => run(req.params.id, operationInput(TranslateInput.omit({ url: true }), req.body)),
  );

  app.get(
    '/StructureDefinition',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The StructureDefinitions of this server (the patient-age extension), optionally by `url`',
        querystring: UrlSearch,
        response: { 200: Bundle, ...errors },
      },
    },
    async (req) => {
      const { url } = req.query;
      const ids =
        url === undefined
          ? structureDefinitionIds
          : structureDefinitionIds.filter((id) => id === structureDefinitionIdOf(url));
      return searchset(fhirBase(req), [{ relation: 'self', url: requestUrl(req) }], ids.map(structureDefinition));
    },
  );

  app.get(
    '/StructureDefinition/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One StructureDefinition',
        params: IdParam,
        response: { 200: StructureDefinition, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      if (!isStructureDefinitionId(id))
        throw new HttpProblem(404, 'Not Found', `StructureDefinition/${id} does not exist; try patient-age.`);
      return structureDefinition(id);
    },
  );
};
