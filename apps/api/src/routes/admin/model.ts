// The model in use and its training jobs (admins only). Both are read from the database, so every replica answers
// alike; retraining queues a job for the worker (`cdss worker`).
import { type ModelInfo, Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/prisma.ts';
import { callerUser } from '../../plugins/auth.ts';
import { modelVersionView } from '../../services/modelVersionService.ts';
import { enqueueTraining, latestJob } from '../../services/trainingJobService.ts';
import { trainingView } from '../../services/trainingJobView.ts';
import { routeOf } from '../routeOf.ts';

const admin = { roles: ['admin'] } as const;
const tags = ['admin'];
const errors = { 401: Problem, 403: Problem, 409: Problem };

async function modelInfo(db: Db): Promise<ModelInfo> {
  const [current, job] = await Promise.all([modelVersionView(db), latestJob(db)]);
  return { current, training: trainingView(job) };
}

export const modelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.getModel, {
      tags,
      summary: 'The model in use, its metrics, and the newest training job with its progress',
      errors,
    }),
    config: { access: admin },
    handler: () => modelInfo(app.db),
  });

  app.route({
    ...routeOf(routeTable.retrainModel, {
      tags,
      summary: 'Queue a retraining on the knowledge base and the confirmed diagnoses; poll GET /admin/model',
      errors,
    }),
    config: { access: admin, audit: { action: 'model.retrain', entity: 'model', entityId: 'created' } },
    handler: async (req, reply) => {
      await enqueueTraining(app.db, callerUser(req).id);
      return reply.code(202).send(await modelInfo(app.db));
    },
  });
};
