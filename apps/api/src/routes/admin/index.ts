// Administration: accounts and API keys (admins only).
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerUser } from '../../plugins/auth.ts';
import { addUser, changeUser, issueApiKey, listApiKeys, listUsers, revokeApiKey } from '../../services/adminService.ts';
import { routeOf } from '../routeOf.ts';

const tags = ['admin'];
const admin = { roles: ['admin'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.listUsers, { tags, summary: 'Accounts', errors }),
    config: { access: admin },
    handler: (req) => listUsers(app.db, req.query),
  });

  app.route({
    ...routeOf(routeTable.createUser, { tags, summary: 'Create an account', errors }),
    config: { access: admin, audit: { action: 'user.create', entity: 'user', entityId: 'created' } },
    handler: async (req, reply) => {
      const user = await addUser(app.db, req.body);
      return reply.code(201).send(user);
    },
  });

  app.route({
    ...routeOf(routeTable.updateUser, {
      tags,
      summary: 'Change, disable or reset the password of an account',
      errors,
    }),
    config: { access: admin, audit: { action: 'user.update', entity: 'user' } },
    handler: (req) => changeUser(app.db, app.credentials, callerUser(req).id, req.params.id, req.body),
  });

  app.route({
    ...routeOf(routeTable.listApiKeys, { tags, summary: 'API keys (never their secrets)', errors }),
    config: { access: admin },
    handler: (req) => listApiKeys(app.db, req.query),
  });

  app.route({
    ...routeOf(routeTable.createApiKey, {
      tags,
      summary: 'Issue an API key: its secret is shown in this answer only',
      errors,
    }),
    config: { access: admin, audit: { action: 'apikey.create', entity: 'apiKey', entityId: 'created' } },
    handler: async (req, reply) => {
      const key = await issueApiKey(app.db, callerUser(req).id, req.body);
      return reply.code(201).send(key);
    },
  });

  app.route({
    ...routeOf(routeTable.revokeApiKey, { tags, summary: 'Revoke an API key', errors }),
    config: { access: admin, audit: { action: 'apikey.revoke', entity: 'apiKey' } },
    handler: (req) => revokeApiKey(app.db, app.credentials, req.params.id),
  });
};
