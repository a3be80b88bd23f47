// The model in use, its metrics, and retraining with progress (admins only).
import { type ModelInfo, Problem, routeTable } from '@unani/contracts';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Retrainer } from '../../modelRuntime/retraining.ts';
import { HttpProblem } from '../../plugins/errors.ts';
import { modelVersionView } from '../../services/modelVersionService.ts';
import { routeOf } from '../routeOf.ts';

const admin = { roles: ['admin'] } as const;
const tags = ['admin'];
const errors = { 401: Problem, 403: Problem, 409: Problem };

async function modelInfo(app: FastifyInstance, retrainer: Retrainer | undefined): Promise<ModelInfo> {
  return {
    current: await modelVersionView(app.db, app.engine?.modelVersion),
    training: retrainer ? retrainer.state() : { status: 'unavailable' },
  };
}

export const modelRoutes: FastifyPluginAsyncZod<{ retrainer?: Retrainer }> = async (app, opts) => {
  app.route({
    ...routeOf(routeTable.getModel, {
      tags,
      summary: 'The model in use, its metrics, and training progress',
      errors,
    }),
    config: { access: admin },
    handler: () => modelInfo(app, opts.retrainer),
  });

  app.route({
    ...routeOf(routeTable.retrainModel, {
      tags,
      summary: 'Retrain on the knowledge base and the confirmed diagnoses; poll GET /admin/model for progress',
      errors,
    }),
    config: { access: admin, audit: { action: 'model.retrain', entity: 'model', entityId: 'created' } },
    handler: async (_req, reply) => {
      const retrainer = opts.retrainer;
      if (!retrainer) throw new HttpProblem(409, 'Conflict', 'Retraining is not available in this server.');
      retrainer.start();
      return reply.code(202).send(await modelInfo(app, retrainer));
    },
  });
};
