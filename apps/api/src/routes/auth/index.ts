// Sign-in, sign-out and the current account.
import { LoginRequest, LoginResponse, MeResponse, Problem, roles, SessionResponse } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/errors.ts';
import { checkLogin } from '../../services/loginService.ts';
import { createSession, endSession, SESSION_TTL_MS } from '../../services/sessionService.ts';

/** Per client address: enough for typos, far too few for guessing. */
const LOGIN_RATE = { max: 10, timeWindow: '1 minute' };

const cookieOptions = {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: 'auto',
} as const;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true }, rateLimit: LOGIN_RATE },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: LoginRequest,
        response: { 200: LoginResponse, 401: Problem, 423: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
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
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) await endSession(app.db, app.credentials, previous);
      const session = await createSession(app.db, outcome.user.id);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: SESSION_TTL_MS / 1000 });
      return { user: outcome.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { roles } },
      schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await endSession(app.db, app.credentials, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: { roles } },
      schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: MeResponse } },
    },
    async (req) => {
      const caller = req.caller;
      if (!caller) throw new HttpProblem(401, 'Unauthorized');
      return { user: caller.user, csrfToken: caller.kind === 'session' ? caller.session.csrfToken : undefined };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Whether the browser is signed in (200 either way; `/auth/me` answers 401 when not)',
        response: { 200: SessionResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const caller = req.caller;
      if (caller?.kind !== 'session') return { signedIn: false };
      return { signedIn: true, user: caller.user, csrfToken: caller.session.csrfToken };
    },
  );
};
