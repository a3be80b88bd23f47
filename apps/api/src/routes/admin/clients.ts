// Administration of FHIR backend-services and CDS Hooks clients (admins only): register with a public JWK Set,
// list, revoke (decision 0022).
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listApiClients, registerApiClient, revokeApiClient } from '../../services/apiClientService.ts';
import { routeOf } from '../routeOf.ts';

const tags = ['admin'];
const admin = { roles: ['admin'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const apiClientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.listApiClients, { tags, summary: 'Registered FHIR and CDS Hooks clients', errors }),
    config: { access: admin },
    handler: (req) => listApiClients(app.db, req.query),
  });

  app.route({
    ...routeOf(routeTable.createApiClient, {
      tags,
      summary: 'Register a client: its client_id, public JWK Set, owner and scopes',
      errors,
    }),
    config: { access: admin, audit: { action: 'apiclient.create', entity: 'apiClient', entityId: 'created' } },
    handler: async (req, reply) => reply.code(201).send(await registerApiClient(app.db, req.body)),
  });

  app.route({
    ...routeOf(routeTable.revokeApiClient, { tags, summary: 'Revoke a client and its tokens', errors }),
    config: { access: admin, audit: { action: 'apiclient.revoke', entity: 'apiClient' } },
    handler: (req) => revokeApiClient(app.db, app.credentials, req.params.id),
  });
};
