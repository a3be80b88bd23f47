// Treatment plans: read, save (with prescribing warnings per item) and check a draft.
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { callerUser } from '../../plugins/auth.ts';
import { checkPlanDraft, getPlan, savePlan } from '../../services/planService.ts';
import { routeOf } from '../routeOf.ts';

const clinic = { roles: ['practitioner'] } as const;
const tags = ['plans'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.getPlan, { tags, summary: 'The visit’s treatment plan', errors }),
    config: { access: clinic, audit: { action: 'plan.read', entity: 'encounter' } },
    handler: (req) => getPlan(app.db, app.engine, callerUser(req).id, req.params.id),
  });

  app.route({
    ...routeOf(routeTable.savePlan, {
      tags,
      summary: 'Save (or replace) the treatment plan: dawa, ghiza, tadbeer and advice items',
      errors,
    }),
    config: { access: clinic, audit: { action: 'plan.save', entity: 'encounter' } },
    handler: async (req, reply) => {
      const plan = await savePlan(app.db, app.engine, callerUser(req).id, req.params.id, req.body);
      return reply.code(201).send(plan);
    },
  });

  app.route({
    ...routeOf(routeTable.checkPlan, {
      tags,
      summary:
        'Check a draft plan without saving it: dose above the maximum, contraindications for this patient, toxic remedies',
      errors,
    }),
    config: { access: clinic, audit: { action: 'plan.check', entity: 'encounter' } },
    handler: (req) => checkPlanDraft(app.db, requireEngine(app), callerUser(req).id, req.params.id, req.body),
  });
};
