// Public FHIR terminology: the CapabilityStatement, our disease and symptom CodeSystems, and $lookup.
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
import { fhirBase, requestUrl } from './baseUrl.ts';

const everyone = { public: true } as const;
const errors = { 400: OperationOutcome, 401: OperationOutcome, 404: OperationOutcome };
const tags = ['fhir'];

const Code = z.string().min(1).max(191);
const IdParam = z.object({ id: z.string().min(1).max(64) });

function codeSystemId(id: string): CodeSystemId {
  if (!isCodeSystemId(id)) {
    throw new HttpProblem(404, 'Not Found', `CodeSystem/${id} does not exist; try ${codeSystemIds.join(' or ')}.`);
  }
  return id;
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
        summary: 'The disease and symptom CodeSystems (optionally the one with `url`)',
        querystring: z.object({ url: z.string().max(500).optional() }),
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
        summary: 'Look up a code of one of our CodeSystems: display, designations and properties',
        querystring: z.object({ system: z.string().min(1).max(500), code: Code }),
        response: { 200: Parameters, ...errors },
      },
    },
    async (req) => {
      const id = codeSystemIdOf(req.query.system);
      if (!id) throw new HttpProblem(404, 'Not Found', `This server holds no CodeSystem "${req.query.system}".`);
      return lookup(id, req.query.code);
    },
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

  async function lookup(id: CodeSystemId, code: string) {
    const system = await loadCodeSystem(app.db, id);
    const found = lookupConcept(system, code);
    if (!found) throw new HttpProblem(404, 'Not Found', `The code "${code}" is not in ${system.url}.`);
    return found;
  }
};
