// Visits: create for a patient, list, read, update findings and assessment, analyse, confirm a diagnosis.
import {
  Analysis,
  DiagnosisRequest,
  DiagnosisView,
  EncounterCreate,
  EncounterUpdate,
  EncounterView,
  IdParam,
  ListQuery,
  Problem,
  pageOf,
} from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { callerUser } from '../../plugins/auth.ts';
import { analyseEncounter, latestAnalysis } from '../../services/analysisService.ts';
import { confirmDiagnosis } from '../../services/diagnosisService.ts';
import { createEncounter, getEncounter, listEncounters, updateEncounter } from '../../services/encounterService.ts';

const clinic = { roles: ['practitioner'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const encounterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/patients/:id/encounters',
    {
      config: { access: clinic, audit: { action: 'encounter.list', entity: 'patient' } },
      schema: {
        tags: ['visits'],
        summary: 'A patient’s visits, newest first',
        params: IdParam,
        querystring: ListQuery,
        response: { 200: pageOf(EncounterView), ...errors },
      },
    },
    (req) => listEncounters(app.db, callerUser(req).id, req.params.id, req.query),
  );

  app.post(
    '/api/v1/patients/:id/encounters',
    {
      config: { access: clinic, audit: { action: 'encounter.create', entity: 'encounter', entityId: 'created' } },
      schema: {
        tags: ['visits'],
        summary: 'Start a visit; without `findings`, those parsed from the complaint are kept',
        params: IdParam,
        body: EncounterCreate,
        response: { 201: EncounterView, ...errors },
      },
    },
    async (req, reply) => {
      const parse = (text: string) => requireEngine(app).read(text).findings;
      const encounter = await createEncounter(app.db, callerUser(req).id, req.params.id, req.body, parse);
      return reply.code(201).send(encounter);
    },
  );

  app.get(
    '/api/v1/encounters/:id',
    {
      config: { access: clinic, audit: { action: 'encounter.read', entity: 'encounter' } },
      schema: { tags: ['visits'], summary: 'One visit', params: IdParam, response: { 200: EncounterView, ...errors } },
    },
    (req) => getEncounter(app.db, callerUser(req).id, req.params.id),
  );

  app.patch(
    '/api/v1/encounters/:id',
    {
      config: { access: clinic, audit: { action: 'encounter.update', entity: 'encounter' } },
      schema: {
        tags: ['visits'],
        summary: 'Change the complaint, the findings (whole list), Mizaj, Nabz notes, or close the visit',
        params: IdParam,
        body: EncounterUpdate,
        response: { 200: EncounterView, ...errors },
      },
    },
    (req) => updateEncounter(app.db, callerUser(req).id, req.params.id, req.body),
  );

  app.post(
    '/api/v1/encounters/:id/analyse',
    {
      config: { access: clinic, audit: { action: 'encounter.analyse', entity: 'encounter' } },
      schema: {
        tags: ['visits'],
        summary: 'Run the engine on the visit’s findings; the output is kept for audit (advisory)',
        params: IdParam,
        response: { 200: Analysis, ...errors },
      },
    },
    (req) => analyseEncounter(app.db, requireEngine(app), callerUser(req).id, req.params.id),
  );

  app.get(
    '/api/v1/encounters/:id/analysis',
    {
      config: { access: clinic, audit: { action: 'encounter.analysis.read', entity: 'encounter' } },
      schema: {
        tags: ['visits'],
        summary: 'The visit’s latest analysis as it was given (404 when never analysed)',
        params: IdParam,
        response: { 200: Analysis, ...errors },
      },
    },
    (req) => latestAnalysis(app.db, callerUser(req).id, req.params.id),
  );

  app.post(
    '/api/v1/encounters/:id/diagnosis',
    {
      config: { access: clinic, audit: { action: 'encounter.diagnose', entity: 'encounter' } },
      schema: {
        tags: ['visits'],
        summary: 'Confirm the diagnosis (any disease of the knowledge base, suggested or not)',
        params: IdParam,
        body: DiagnosisRequest,
        response: { 201: DiagnosisView, ...errors },
      },
    },
    async (req, reply) => {
      const diagnosis = await confirmDiagnosis(
        app.db,
        callerUser(req).id,
        req.params.id,
        req.body.diseaseCode,
        req.body.note,
      );
      return reply.code(201).send(diagnosis);
    },
  );
};
