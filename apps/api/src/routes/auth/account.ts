// The signed-in account's own credentials: its password and its second factor.
import { Problem, roles, routeTable } from '@unani/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditRule } from '../../plugins/audit.ts';
import { callerUser } from '../../plugins/auth.ts';
import { changeOwnPassword } from '../../services/passwordService.ts';
import { confirmTotpEnrolment, startTotpEnrolment, totpStatus } from '../../services/totpService.ts';
import { routeOf } from '../routeOf.ts';

/** Open to an admin who must still set up a second factor: these are how it is done. */
const ownAccount = { roles, beforeSecondFactor: true } as const;
const tags = ['auth'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem };
const audit = (action: string): AuditRule => ({
  action,
  entity: 'user',
  target: (req: FastifyRequest) => ({ entity: 'user', entityId: req.caller?.user.id ?? null }),
});

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.changePassword, {
      tags,
      summary: 'Change one’s own password (the current one is required); the account’s other sessions end',
      errors,
    }),
    config: { access: ownAccount, audit: audit('auth.password.change') },
    handler: async (req, reply) => {
      const caller = req.caller;
      await changeOwnPassword(app.db, app.credentials, {
        userId: callerUser(req).id,
        sessionId: caller?.kind === 'session' ? caller.session.id : null,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
      });
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...routeOf(routeTable.totpStatus, { tags, summary: 'Whether the account has a second factor', errors: {} }),
    config: { access: ownAccount },
    handler: (req) => totpStatus(app.db, callerUser(req).id),
  });

  app.route({
    ...routeOf(routeTable.startTotp, {
      tags,
      summary: 'Start setting up a second factor: a secret for an authenticator app (confirm with a code)',
      errors,
    }),
    config: { access: ownAccount, audit: audit('auth.totp.enrol') },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return startTotpEnrolment(app.db, app.totpBox, callerUser(req).id);
    },
  });

  app.route({
    ...routeOf(routeTable.confirmTotp, {
      tags,
      summary: 'Turn the second factor on with a code from the app; answers the recovery codes, shown this once',
      errors,
    }),
    config: { access: ownAccount, audit: audit('auth.totp.confirm') },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmTotpEnrolment(app.db, app.totpBox, app.credentials, callerUser(req).id, req.body.code);
    },
  });
};
