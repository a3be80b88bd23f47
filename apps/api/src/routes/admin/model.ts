// The model in use, its metrics, and retraining with progress (admins only).
import { ModelInfo, Problem } from '@unani/contracts';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Retrainer } from '../../modelRuntime/retraining.ts';
import { HttpProblem } from '../../plugins/errors.ts';
import { modelVersionView } from '../../services/modelVersionService.ts';

const admin = { roles: ['admin'] } as const;
const errors = { 401: Problem, 403: Problem, 409: Problem };

async function modelInfo(app: FastifyInstance, retrainer: Retrainer | undefined): Promise<ModelInfo> {
  return {
    current: await modelVersionView(app.db, app.engine?.modelVersion),
    training: retrainer ? retrainer.state() : { status: 'unavailable' },
  };
}

export const modelRoutes: FastifyPluginAsyncZod<{ retrainer?: Retrainer }> = async (app, opts) => {
  app.get(
    '/api/v1/admin/model',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'The model in use, its metrics, and training progress',
        response: { 200: ModelInfo, ...errors },
      },
    },
    () => modelInfo(app, opts.retrainer),
  );

  app.post(
    '/api/v1/admin/model/retrain',
    {
      config: { access: admin, audit: { action: 'model.retrain', entity: 'model', entityId: 'created' } },
      schema: {
        tags: ['admin'],
        summary: 'Retrain on the knowledge base and the confirmed diagnoses; poll GET /admin/model for progress',
        response: { 202: ModelInfo, ...errors },
      },
    },
    async (_req, reply) => {
      const retrainer = opts.retrainer;
      if (!retrainer) throw new HttpProblem(409, 'Conflict', 'Retraining is not available in this server.');
      retrainer.start();
      return reply.code(202).send(await modelInfo(app, retrainer));
    },
  );
};
