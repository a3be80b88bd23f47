// Sign-in, sign-out and the current account.
import { Problem, roles, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { checkLogin } from '../../services/loginService.ts';
import { createSession, endSession } from '../../services/sessionService.ts';
import { routeOf } from '../routeOf.ts';

/** Per client address: enough for typos, far too few for guessing. */
const LOGIN_RATE = { max: 10, timeWindow: '1 minute' };

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookie = app.sessionCookie;
  app.route({
    ...routeOf(routeTable.login, {
      tags,
      summary: 'Sign in; sets the session cookie and returns the CSRF token',
      errors: { 401: Problem, 423: Problem, 429: Problem },
    }),
    config: { access: { public: true }, rateLimit: LOGIN_RATE },
    handler: async (req, reply) => {
      const outcome = await checkLogin(app.db, req.body.email, req.body.password);
      if (!outcome.ok) {
        if (outcome.reason === 'locked') {
          const minutes = Math.ceil((outcome.until.getTime() - Date.now()) / 60_000);
          throw new HttpProblem(
            423,
            'Locked',
            `Too many failed sign-ins: this account is locked for ${minutes} more minute(s).`,
          );
        }
        throw new HttpProblem(401, 'Unauthorized', 'The email or the password is wrong.');
      }
      // A new session at every sign-in (an old cookie is discarded): no session fixation.
      const previous = req.cookies[cookie.name];
      if (previous) await endSession(app.db, app.credentials, previous);
      const session = await createSession(app.db, outcome.user.id);
      reply.setCookie(cookie.name, session.token, cookie.options);
      return { user: outcome.user, csrfToken: session.csrfToken };
    },
  });

  app.route({
    ...routeOf(routeTable.logout, { tags, summary: 'Sign out (ends the session)', errors: {} }),
    config: { access: { roles } },
    handler: async (req, reply) => {
      const token = req.cookies[cookie.name];
      if (token) await endSession(app.db, app.credentials, token);
      const { maxAge: _maxAge, ...attributes } = cookie.options;
      reply.clearCookie(cookie.name, attributes);
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...routeOf(routeTable.me, { tags, summary: 'The signed-in account', errors: {} }),
    config: { access: { roles } },
    handler: async (req) => {
      const caller = req.caller;
      if (!caller) throw new HttpProblem(401, 'Unauthorized');
      return { user: caller.user, csrfToken: caller.kind === 'session' ? caller.session.csrfToken : undefined };
    },
  });

  app.route({
    ...routeOf(routeTable.session, {
      tags,
      summary: 'Whether the browser is signed in (200 either way; `/auth/me` answers 401 when not)',
      errors: {},
    }),
    config: { access: { public: true } },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const caller = req.caller;
      if (caller?.kind !== 'session') return { signedIn: false };
      return { signedIn: true, user: caller.user, csrfToken: caller.session.csrfToken };
    },
  });
};
