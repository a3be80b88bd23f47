// Authentication and authorization in one place. Every route under /api declares `config.access`;
// a route without it refuses to register. Callers are a signed-in session (cookie + CSRF token on
// state-changing requests), an API key (`Authorization: Bearer …`) with scopes, or a registered client
// (decision 0022) through an access token from the token endpoint or, where a route accepts it, a JWT it signed.
import type { ApiKeyScope, Role } from '@unani/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { type CredentialLookup, cachedLookup } from '../auth/cachedLookup.ts';
import { CREDENTIAL_TTL_MS, createCredentialCache } from '../auth/credentialCache.ts';
import { type CredentialChanges, createCredentialChanges } from '../auth/credentialChanges.ts';
import type { ActiveClient } from '../services/apiClientService.ts';
import { rightsOf } from '../services/apiClientService.ts';
import { type ActiveApiKey, findApiKey } from '../services/apiKeyService.ts';
import { ClientJwtError, verifyClientJwt } from '../services/clientJwt.ts';
import { type ActiveClientToken, findClientToken, TOKEN_PREFIX } from '../services/clientTokenService.ts';
import {
  type ActiveSession,
  DEFAULT_SESSION_IDLE_MS,
  findSession,
  SESSION_MAX_MS,
  type SessionUser,
} from '../services/sessionService.ts';
import { safeEqual } from '../services/tokens.ts';
import { HttpProblem } from './errors.ts';
import { type SessionCookie, sessionCookieFor } from './sessionCookie.ts';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who may call a route: `public`, or signed-in accounts with one of `roles`; API keys and client tokens are
 * accepted only where `scope` names the right they need.
 */
export type AccessRule =
  | { public: true }
  | {
      roles: readonly Role[];
      scope?: ApiKeyScope;
      /**
       * Also a JWT signed by a registered client as the bearer token, its `aud` the URL called (CDS Hooks 2.0):
       * the client acts with its scopes' rights within its owner's role.
       */
      clientJwt?: 'cds-hooks';
      /** Open to an admin who must still set up a second factor (setting it up, signing out, who am I). */
      beforeSecondFactor?: true;
    };

export type Caller =
  | { kind: 'session'; user: SessionUser; session: ActiveSession; token: string }
  | { kind: 'apiKey'; user: SessionUser; key: ActiveApiKey }
  | {
      kind: 'client';
      user: SessionUser;
      client: { id: string; clientId: string };
      /** What the token or JWT may do: its scopes' rights that the owner's role allows. */
      rights: ApiKeyScope[];
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    caller?: Caller;
  }
  interface FastifyInstance {
    /** Every route under /api/v1 with its access rule and schemas, for documentation checks and authorization tests. */
    routesUnderApi: { method: string; url: string; access: AccessRule; schema?: FastifySchema }[];
    /** Announces a credential's end or change to this replica's caches and, through Redis, to the others. */
    credentials: CredentialChanges;
    /** The session cookie's name and attributes (`__Host-` and Secure behind an https PUBLIC_URL). */
    sessionCookie: SessionCookie;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new HttpProblem(401, 'Unauthorized', 'The Authorization header must be "Bearer <API key>".');
  return match[1];
}

interface Verifiers {
  session: CredentialLookup<ActiveSession>;
  apiKey: CredentialLookup<ActiveApiKey>;
  clientToken: CredentialLookup<ActiveClientToken>;
  clientJwt: (jwt: string, audience: string) => Promise<ActiveClient>;
}

/** Three base64url parts: a JWT, never an API key or access token of ours. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** The URL a request was sent to, without its query: what a client's JWT names as `aud`. */
const calledUrl = (req: FastifyRequest) => `${req.publicOrigin}${req.url.split('?')[0]}`;

async function bearerCaller(
  req: FastifyRequest,
  rule: AccessRule,
  bearer: string,
  verify: Verifiers,
): Promise<Caller | undefined> {
  if (JWT_SHAPE.test(bearer)) {
    if ('public' in rule || !rule.clientJwt) return undefined;
    try {
      const client = await verify.clientJwt(bearer, calledUrl(req));
      const rights = rightsOf(client.scopes, client.owner);
      return { kind: 'client', user: client.owner, client: { id: client.id, clientId: client.clientId }, rights };
    } catch (error) {
      if (error instanceof ClientJwtError) throw new HttpProblem(401, 'Unauthorized', error.message);
      throw error;
    }
  }
  if (bearer.startsWith(TOKEN_PREFIX)) {
    const token = await verify.clientToken(bearer);
    return token && { kind: 'client', user: token.owner, client: token.client, rights: token.rights };
  }
  const key = await verify.apiKey(bearer);
  return key && { kind: 'apiKey', user: key.owner, key };
}

async function identify(
  req: FastifyRequest,
  rule: AccessRule,
  verify: Verifiers,
  cookie: string,
): Promise<Caller | undefined> {
  // A public route answers anyone: a client that sends its token everywhere (FHIR and CDS Hooks clients do, to
  // /metadata and discovery too) is served as anonymous when the token is unknown, never refused.
  const isPublic = 'public' in rule;
  let bearer: string | undefined;
  try {
    bearer = bearerToken(req);
  } catch (error) {
    if (isPublic) return undefined;
    throw error;
  }
  if (bearer) {
    // Nor does a public route fail because the database cannot check the token just now.
    const caller = isPublic
      ? await bearerCaller(req, rule, bearer, verify).catch(() => undefined)
      : await bearerCaller(req, rule, bearer, verify);
    if (caller || isPublic) return caller;
    throw new HttpProblem(401, 'Unauthorized', 'The API key or access token is unknown, expired or revoked.');
  }
  const token = req.cookies[cookie];
  if (!token) return undefined;
  const session = await verify.session(token);
  return session ? { kind: 'session', user: session.user, session, token } : undefined;
}

/** Applies a route's access rule to the caller; throws the problem to answer. */
export function authorize(req: FastifyRequest, rule: AccessRule): void {
  if ('public' in rule) return;
  const caller = req.caller;
  if (!caller)
    throw new HttpProblem(401, 'Unauthorized', 'Sign in, or send an API key as "Authorization: Bearer <key>".');
  if (caller.kind !== 'session') {
    const what = caller.kind === 'apiKey' ? 'API key' : 'client';
    if (!rule.scope) throw new HttpProblem(403, 'Forbidden', `This route is for signed-in accounts, not an ${what}.`);
    const rights = caller.kind === 'apiKey' ? caller.key.scopes : caller.rights;
    if (!rights.includes(rule.scope)) {
      throw new HttpProblem(403, 'Forbidden', `This ${what} lacks the right "${rule.scope}".`);
    }
    // A key stands in for its owner: never more than the owner's current role may do here.
    if (!rule.roles.includes(caller.user.role)) {
      throw new HttpProblem(403, 'Forbidden', `This route is for ${rule.roles.join(' or ')} accounts and their keys.`);
    }
    return;
  }
  if (!rule.roles.includes(caller.user.role)) {
    throw new HttpProblem(403, 'Forbidden', `This route is for ${rule.roles.join(' or ')} accounts.`);
  }
  if (caller.session.mustChangePassword && !rule.beforeSecondFactor) {
    throw new HttpProblem(
      403,
      'Forbidden',
      'This account’s password was generated at first start: change it first (Account page).',
    );
  }
  if (caller.session.mustEnrolTotp && !rule.beforeSecondFactor) {
    throw new HttpProblem(403, 'Forbidden', 'Admin accounts need a second factor: set one up first (Account page).');
  }
  if (STATE_CHANGING.has(req.method)) requireCsrf(req, caller.session);
}

/** A kind of credential a caller may present. */
export type Credential = Caller['kind'];

/**
 * The credentials `rule` accepts, as authorize above applies it (none at all for a public route; then no
 * credential is needed). The OpenAPI document declares each route's security from this, so it changes with the rule.
 */
export function acceptedCredentials(rule: AccessRule): Credential[] {
  if ('public' in rule) return [];
  if (!rule.scope) return ['session'];
  // A registered client's access token carries fhir:read only; its signed JWT is taken where the rule says so.
  const client = rule.scope === 'fhir:read' || rule.clientJwt !== undefined;
  return client ? ['session', 'apiKey', 'client'] : ['session', 'apiKey'];
}

function requireCsrf(req: FastifyRequest, session: ActiveSession): void {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
    throw new HttpProblem(403, 'Forbidden', `Send the CSRF token from sign-in in the ${CSRF_HEADER} header.`);
  }
}

/** The signed-in user of a route that requires one (after authorize). */
export function callerUser(req: FastifyRequest): SessionUser {
  if (!req.caller) throw new HttpProblem(401, 'Unauthorized', 'Sign in first.');
  return req.caller.user;
}

/** A verified API key stands in for an unreachable database up to a minute after its check (decision 0006). */
const API_KEY_OUTAGE_GRACE_MS = 60 * 1000 - CREDENTIAL_TTL_MS;

export interface AuthOptions {
  /** Other replicas hear of sign-outs and revocations through Redis when set. */
  redisUrl?: string;
  /** The Redis channel of credential changes (tests use their own). */
  channel?: string;
  /** How long a verification is trusted without the database (tests lengthen it to prove propagation). */
  ttlMs?: number;
  /** The public address: an https one makes the session cookie `__Host-` and Secure. */
  publicUrl?: string;
  /** A session unused this long ends (SESSION_IDLE_MINUTES). */
  sessionIdleMs?: number;
}

export function registerAuth(app: FastifyInstance, options: AuthOptions = {}): void {
  const catalogue: FastifyInstance['routesUnderApi'] = [];
  app.decorate('routesUnderApi', catalogue);
  app.addHook('onRoute', (route) => {
    const path = route.url ?? route.path;
    if (!path.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${path} declares no access rule (config.access).`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') catalogue.push({ method, url: path, access, schema: route.schema });
  });
  // Sessions and API keys are verified once per few seconds, not on every request (decision 0011); a
  // key also stands in through a database outage, so the engine keeps answering integrators.
  const sessions = createCredentialCache<ActiveSession>({ ttlMs: options.ttlMs });
  const keys = createCredentialCache<ActiveApiKey>({ ttlMs: options.ttlMs, graceMs: API_KEY_OUTAGE_GRACE_MS });
  // A client's token reads patient records, which an unreachable database cannot give: no outage grace.
  const clientTokens = createCredentialCache<ActiveClientToken>({ ttlMs: options.ttlMs });
  const verify: Verifiers = {
    session: cachedLookup(
      sessions,
      (token) => findSession(app.db, token, options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS),
      (s) => ({ credentialId: s.id, userId: s.user.id, notAfter: s.expiresAt.getTime() }),
    ),
    apiKey: cachedLookup(
      keys,
      (bearer) => findApiKey(app.db, bearer),
      (key) => ({ credentialId: key.id, userId: key.owner.id, notAfter: key.expiresAt.getTime() }),
    ),
    clientToken: cachedLookup(
      clientTokens,
      (token) => findClientToken(app.db, token),
      // Keyed by the client, so revoking the client forgets every token it holds.
      (token) => ({ credentialId: token.client.id, userId: token.owner.id, notAfter: token.expiresAt.getTime() }),
    ),
    // Never cached: each JWT is used once (its jti is recorded).
    clientJwt: (jwt, audience) => verifyClientJwt(app.db, jwt, { audience, subjectIsIssuer: false }),
  };
  const credentials = createCredentialChanges({
    forget: (change) => {
      sessions.forget(change);
      keys.forget(change);
      clientTokens.forget(change);
    },
    distrustAll: () => {
      sessions.distrustAll();
      keys.distrustAll();
      clientTokens.distrustAll();
    },
    redisUrl: options.redisUrl,
    channel: options.channel,
    log: app.log,
  });
  app.decorate('credentials', credentials);
  const cookie = sessionCookieFor(options.publicUrl, SESSION_MAX_MS);
  app.decorate('sessionCookie', cookie);
  app.addHook('onClose', () => credentials.close());
  // Before validation: an anonymous caller learns nothing about a route's schema.
  app.addHook('preValidation', async (req: FastifyRequest, _reply: FastifyReply) => {
    const rule = req.routeOptions.config.access;
    if (!rule) return;
    req.caller = await identify(req, rule, verify, cookie.name);
    authorize(req, rule);
  });
}
