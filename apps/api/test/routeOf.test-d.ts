// Checked by `pnpm typecheck`, never run: a handler registered from the route table is typed by it, so reading a
// parameter or field the table does not name, or answering another shape, does not compile.
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routeOf } from '../src/routes/routeOf.ts';

const doc = { tags: ['patients'], summary: 'checked only by the compiler', errors: { 404: Problem } };
const config = { access: { roles: ['practitioner'] } } as const;

export const mismatches: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.getPatient, doc),
    config,
    // @ts-expect-error the path's parameter is :id
    handler: async (req) => ({ id: req.params.patientId }),
  });
  app.route({
    ...routeOf(routeTable.createPatient, doc),
    config,
    // @ts-expect-error the body has no `nme`
    handler: async (req, reply) => reply.code(201).send({ ...req.body, nme: req.body.nme }),
  });
  app.route({
    ...routeOf(routeTable.getVisit, doc),
    config,
    // @ts-expect-error a visit's answer is not a patient list
    handler: async () => ({ items: [], nextCursor: null }),
  });
};
