// Administration: accounts and API keys (admins only).
import {
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyView,
  IdParam,
  ListQuery,
  Problem,
  pageOf,
  UserAdminView,
  UserCreate,
  UserUpdate,
} from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerUser } from '../../plugins/auth.ts';
import { addUser, changeUser, issueApiKey, listApiKeys, listUsers, revokeApiKey } from '../../services/adminService.ts';

const admin = { roles: ['admin'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/users',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'Accounts',
        querystring: ListQuery,
        response: { 200: pageOf(UserAdminView), ...errors },
      },
    },
    (req) => listUsers(app.db, req.query),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { access: admin, audit: { action: 'user.create', entity: 'user', entityId: 'created' } },
      schema: {
        tags: ['admin'],
        summary: 'Create an account',
        body: UserCreate,
        response: { 201: UserAdminView, ...errors },
      },
    },
    async (req, reply) => {
      const user = await addUser(app.db, req.body);
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { access: admin, audit: { action: 'user.update', entity: 'user' } },
      schema: {
        tags: ['admin'],
        summary: 'Change, disable or reset the password of an account',
        params: IdParam,
        body: UserUpdate,
        response: { 200: UserAdminView, ...errors },
      },
    },
    (req) => changeUser(app.db, app.credentials, callerUser(req).id, req.params.id, req.body),
  );

  app.get(
    '/api/v1/admin/api-keys',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        summary: 'API keys (never their secrets)',
        querystring: ListQuery,
        response: { 200: pageOf(ApiKeyView), ...errors },
      },
    },
    (req) => listApiKeys(app.db, req.query),
  );

  app.post(
    '/api/v1/admin/api-keys',
    {
      config: { access: admin, audit: { action: 'apikey.create', entity: 'apiKey', entityId: 'created' } },
      schema: {
        tags: ['admin'],
        summary: 'Issue an API key: its secret is shown in this answer only',
        body: ApiKeyCreate,
        response: { 201: ApiKeyCreated, ...errors },
      },
    },
    async (req, reply) => {
      const key = await issueApiKey(app.db, callerUser(req).id, req.body);
      return reply.code(201).send(key);
    },
  );

  app.post(
    '/api/v1/admin/api-keys/:id/revoke',
    {
      config: { access: admin, audit: { action: 'apikey.revoke', entity: 'apiKey' } },
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key',
        params: IdParam,
        response: { 200: ApiKeyView, ...errors },
      },
    },
    (req) => revokeApiKey(app.db, app.credentials, req.params.id),
  );
};
