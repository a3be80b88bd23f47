// Treatment plans: read, save (with prescribing warnings per item) and check a draft.
import { IdParam, PlanCheckView, PlanRequest, PlanView, Problem } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { callerUser } from '../../plugins/auth.ts';
import { checkPlanDraft, getPlan, savePlan } from '../../services/planService.ts';

const clinic = { roles: ['practitioner'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/encounters/:id/plan',
    {
      config: { access: clinic, audit: { action: 'plan.read', entity: 'encounter' } },
      schema: {
        tags: ['plans'],
        summary: 'The visit’s treatment plan',
        params: IdParam,
        response: { 200: PlanView, ...errors },
      },
    },
    (req) => getPlan(app.db, app.engine, callerUser(req).id, req.params.id),
  );

  app.post(
    '/api/v1/encounters/:id/plan',
    {
      config: { access: clinic, audit: { action: 'plan.save', entity: 'encounter' } },
      schema: {
        tags: ['plans'],
        summary: 'Save (or replace) the treatment plan: dawa, ghiza, tadbeer and advice items',
        params: IdParam,
        body: PlanRequest,
        response: { 201: PlanView, ...errors },
      },
    },
    async (req, reply) => {
      const plan = await savePlan(app.db, app.engine, callerUser(req).id, req.params.id, req.body);
      return reply.code(201).send(plan);
    },
  );

  app.post(
    '/api/v1/encounters/:id/plan/check',
    {
      config: { access: clinic, audit: { action: 'plan.check', entity: 'encounter' } },
      schema: {
        tags: ['plans'],
        summary:
          'Check a draft plan without saving it: dose above the maximum, contraindications for this patient, toxic remedies',
        params: IdParam,
        body: PlanRequest,
        response: { 200: PlanCheckView, ...errors },
      },
    },
    (req) => checkPlanDraft(app.db, requireEngine(app), callerUser(req).id, req.params.id, req.body),
  );
};
