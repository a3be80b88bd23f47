// The signed-in account's own credentials: its password and its second factor.
import {
  PasswordChangeRequest,
  Problem,
  roles,
  TotpConfirmRequest,
  TotpEnrolment,
  TotpRecoveryCodes,
  TotpStatus,
} from '@unani/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditRule } from '../../plugins/audit.ts';
import { callerUser } from '../../plugins/auth.ts';
import { changeOwnPassword } from '../../services/passwordService.ts';
import { confirmTotpEnrolment, startTotpEnrolment, totpStatus } from '../../services/totpService.ts';

/** Open to an admin who must still set up a second factor: these are how it is done. */
const ownAccount = { roles, beforeSecondFactor: true } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem };
const audit = (action: string): AuditRule => ({
  action,
  entity: 'user',
  target: (req: FastifyRequest) => ({ entity: 'user', entityId: req.caller?.user.id ?? null }),
});

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/password',
    {
      config: { access: ownAccount, audit: audit('auth.password.change') },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (the current one is required); the account’s other sessions end',
        body: PasswordChangeRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const caller = req.caller;
      await changeOwnPassword(app.db, app.credentials, {
        userId: callerUser(req).id,
        sessionId: caller?.kind === 'session' ? caller.session.id : null,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/totp',
    {
      config: { access: ownAccount },
      schema: { tags: ['auth'], summary: 'Whether the account has a second factor', response: { 200: TotpStatus } },
    },
    (req) => totpStatus(app.db, callerUser(req).id),
  );

  app.post(
    '/api/v1/auth/totp/enrol',
    {
      config: { access: ownAccount, audit: audit('auth.totp.enrol') },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up a second factor: a secret for an authenticator app (confirm with a code)',
        response: { 200: TotpEnrolment, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return startTotpEnrolment(app.db, app.totpBox, callerUser(req).id);
    },
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: ownAccount, audit: audit('auth.totp.confirm') },
      schema: {
        tags: ['auth'],
        summary: 'Turn the second factor on with a code from the app; answers the recovery codes, shown this once',
        body: TotpConfirmRequest,
        response: { 200: TotpRecoveryCodes, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmTotpEnrolment(app.db, app.totpBox, app.credentials, callerUser(req).id, req.body.code);
    },
  );
};
