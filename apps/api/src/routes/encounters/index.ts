// Visits: create for a patient, list, read, update findings and assessment, analyse, confirm a diagnosis.
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { callerUser } from '../../plugins/auth.ts';
import { analyseEncounter, currentSafety, latestAnalysis } from '../../services/analysisService.ts';
import { confirmDiagnosis } from '../../services/diagnosisService.ts';
import { createEncounter, getEncounter, listEncounters, updateEncounter } from '../../services/encounterService.ts';
import { routeOf } from '../routeOf.ts';

const clinic = { roles: ['practitioner'] } as const;
const tags = ['visits'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const encounterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.listVisits, { tags, summary: 'A patient’s visits, newest first', errors }),
    config: { access: clinic, audit: { action: 'encounter.list', entity: 'patient' } },
    handler: (req) => listEncounters(app.db, callerUser(req).id, req.params.id, req.query),
  });

  app.route({
    ...routeOf(routeTable.createVisit, {
      tags,
      summary: 'Start a visit; without `findings`, those parsed from the complaint are kept',
      errors,
    }),
    config: { access: clinic, audit: { action: 'encounter.create', entity: 'encounter', entityId: 'created' } },
    handler: async (req, reply) => {
      const parse = (text: string) => requireEngine(app).read(text).findings;
      const encounter = await createEncounter(app.db, callerUser(req).id, req.params.id, req.body, parse);
      return reply.code(201).send(encounter);
    },
  });

  app.route({
    ...routeOf(routeTable.getVisit, { tags, summary: 'One visit', errors }),
    config: { access: clinic, audit: { action: 'encounter.read', entity: 'encounter' } },
    handler: (req) => getEncounter(app.db, callerUser(req).id, req.params.id),
  });

  app.route({
    ...routeOf(routeTable.updateVisit, {
      tags,
      summary: 'Change the complaint, the findings (whole list), Mizaj, Nabz notes, or close the visit',
      errors,
    }),
    config: { access: clinic, audit: { action: 'encounter.update', entity: 'encounter' } },
    handler: (req) => updateEncounter(app.db, callerUser(req).id, req.params.id, req.body),
  });

  app.route({
    ...routeOf(routeTable.analyseVisit, {
      tags,
      summary: 'Run the engine on the visit’s findings; the output is kept for audit (advisory)',
      errors,
    }),
    config: { access: clinic, audit: { action: 'encounter.analyse', entity: 'encounter' } },
    handler: (req) => analyseEncounter(app.db, requireEngine(app), callerUser(req).id, req.params.id),
  });

  app.route({
    ...routeOf(routeTable.getAnalysis, {
      tags,
      summary: 'The visit’s latest analysis as it was given (404 when never analysed)',
      errors,
    }),
    config: { access: clinic, audit: { action: 'encounter.analysis.read', entity: 'encounter' } },
    handler: (req) => latestAnalysis(app.db, callerUser(req).id, req.params.id),
  });

  app.route({
    ...routeOf(routeTable.getVisitSafety, {
      tags,
      summary: 'The visit’s triage and red flags as its findings, vital signs and patient record stand now (advisory)',
      errors,
    }),
    config: { access: clinic, audit: { action: 'encounter.safety.read', entity: 'encounter' } },
    handler: (req) => currentSafety(app.db, requireEngine(app), callerUser(req).id, req.params.id),
  });

  app.route({
    ...routeOf(routeTable.confirmDiagnosis, {
      tags,
      summary: 'Confirm the diagnosis (any disease of the knowledge base, suggested or not)',
      errors,
    }),
    config: { access: clinic, audit: { action: 'encounter.diagnose', entity: 'encounter' } },
    handler: async (req, reply) => {
      const { diseaseCode, note } = req.body;
      const diagnosis = await confirmDiagnosis(app.db, callerUser(req).id, req.params.id, diseaseCode, note);
      return reply.code(201).send(diagnosis);
    },
  });
};
