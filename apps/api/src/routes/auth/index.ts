// Sign-in, sign-out and the current account. Every failed sign-in answers the same 401, whether the account
// exists, the password was wrong or the account's budget of password checks is spent (decision 0018).
import { setTimeout as sleep } from 'node:timers/promises';
import { Problem, roles, routeTable } from '@unani/contracts';
import { SECOND_FACTOR_REQUIRED } from '@unani/contracts/problems';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { checkLogin, loginSucceeded, rememberDevice } from '../../services/loginService.ts';
import { createSession, endSession } from '../../services/sessionService.ts';
import { verifySecondFactor } from '../../services/totpService.ts';
import { routeOf } from '../routeOf.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, deviceCookieOptions } from './cookies.ts';

/** Per client address: enough for typos, far too few for guessing. */
const LOGIN_RATE = { max: 10, timeWindow: '1 minute' };

const tags = ['auth'];

export const SIGN_IN_FAILED =
  'The email or the password is wrong, or this account had too many attempts: try again in 15 minutes, or from a browser that signed in to it before.';

/**
 * A failed sign-in answers no sooner than this after it arrived. The work is the same for every kind of failure
 * (loginService.ts), but a busy server's timing varies by tens of milliseconds; waiting past the slowest work
 * leaves nothing to measure, and slows guessing.
 */
export const FAILED_SIGN_IN_MS = 400;

/** Open to an admin who must still set up a second factor. */
const signedIn = { roles, beforeSecondFactor: true } as const;

function refuse(req: FastifyRequest, userId: string | null, outcome: 'denied' | 'throttled') {
  req.auditTarget = { entity: 'user', entityId: userId, outcome };
  return new HttpProblem(401, 'Unauthorized', SIGN_IN_FAILED);
}

/** Runs after the audit row is written (route hooks follow the app's), so the wait covers that work too. */
async function holdFailure(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode === 401) await sleep(Math.max(0, FAILED_SIGN_IN_MS - reply.elapsedTime));
  return payload;
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookie = app.sessionCookie;
  async function rememberThisBrowser(reply: FastifyReply, userId: string) {
    const token = await rememberDevice(app.db, userId);
    // Secure whenever the session cookie is (an https public address), so it never travels over plain http.
    const secure = cookie.options.secure ?? deviceCookieOptions.secure;
    reply.setCookie(DEVICE_COOKIE, token, { ...deviceCookieOptions, secure, maxAge: DEVICE_COOKIE_MAX_AGE_S });
  }

  app.route({
    ...routeOf(routeTable.login, {
      tags,
      summary: `Sign in; sets the session cookie and returns the CSRF token. A right password on an account with a second factor but without \`code\` answers 401 with the problem type \`${SECOND_FACTOR_REQUIRED}\`: send it again with the code.`,
      errors: { 401: Problem, 429: Problem },
    }),
    config: {
      access: { public: true },
      rateLimit: LOGIN_RATE,
      audit: { action: 'auth.login', entity: 'user', entityId: 'none' },
    },
    onSend: holdFailure,
    handler: async (req, reply) => {
      const outcome = await checkLogin(app.db, {
        email: req.body.email,
        password: req.body.password,
        clientIp: req.ip,
        deviceToken: req.cookies[DEVICE_COOKIE],
      });
      if (!outcome.ok) throw refuse(req, outcome.userId, outcome.reason === 'throttled' ? 'throttled' : 'denied');
      const { user } = outcome;
      if (outcome.totpEnabled) {
        const code = req.body.code;
        if (!code || !(await verifySecondFactor(app.db, app.totpBox, user.id, code))) {
          req.auditTarget = { entity: 'user', entityId: user.id, outcome: 'denied' };
          const detail = code
            ? 'The code is wrong or was used already: enter the code now shown in the authenticator app, or a recovery code.'
            : 'Enter the 6-digit code from the authenticator app, or a recovery code.';
          throw new HttpProblem(401, 'Second factor required', detail, undefined, SECOND_FACTOR_REQUIRED);
        }
      }
      await loginSucceeded(app.db, outcome.buckets);
      req.auditTarget = { entity: 'user', entityId: user.id };
      // A new session at every sign-in (an old cookie is discarded): no session fixation. Created first, so the
      // transaction that writes the audit row is the one that creates it.
      const mustEnrolTotp = user.role === 'admin' && !outcome.totpEnabled;
      const session = await createSession(app.db, user.id, { mustEnrolTotp });
      const previous = req.cookies[cookie.name];
      if (previous) await endSession(app.db, app.credentials, previous);
      reply.setCookie(cookie.name, session.token, cookie.options);
      if (!outcome.knownDevice) await rememberThisBrowser(reply, user.id);
      return { user, csrfToken: session.csrfToken };
    },
  });

  app.route({
    ...routeOf(routeTable.logout, { tags, summary: 'Sign out (ends the session)', errors: {} }),
    config: { access: signedIn, audit: { action: 'auth.logout', entity: 'user', entityId: 'none' } },
    handler: async (req, reply) => {
      const token = req.cookies[cookie.name];
      req.auditTarget = { entity: 'user', entityId: req.caller?.user.id ?? null };
      if (token) await endSession(app.db, app.credentials, token);
      const { maxAge: _maxAge, ...attributes } = cookie.options;
      reply.clearCookie(cookie.name, attributes);
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...routeOf(routeTable.me, { tags, summary: 'The signed-in account', errors: {} }),
    config: { access: signedIn },
    handler: async (req) => {
      const caller = req.caller;
      if (!caller) throw new HttpProblem(401, 'Unauthorized');
      if (caller.kind !== 'session') return { user: caller.user };
      return {
        user: caller.user,
        csrfToken: caller.session.csrfToken,
        ...(caller.session.mustEnrolTotp ? { mustEnrolTotp: true } : {}),
        ...(caller.session.mustChangePassword ? { mustChangePassword: true } : {}),
      };
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
      return {
        signedIn: true,
        user: caller.user,
        csrfToken: caller.session.csrfToken,
        ...(caller.session.mustEnrolTotp ? { mustEnrolTotp: true } : {}),
        ...(caller.session.mustChangePassword ? { mustChangePassword: true } : {}),
      };
    },
  });
};
