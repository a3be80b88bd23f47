// SMART App Launch backend services (client-credentials with a signed JWT assertion): the discovery document and the
// token endpoint. A registered client (routes/admin/clients.ts) presents an assertion signed with its key and gets
// a five-minute bearer token that reads its owner's records through /fhir. Errors follow RFC 6749 §5.2.
import { type ClientScope, clientScopes, clientSigningAlgorithms } from '@unani/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rightsOf } from '../../services/apiClientService.ts';
import { ClientJwtError, verifyClientJwt } from '../../services/clientJwt.ts';
import { issueClientToken } from '../../services/clientTokenService.ts';
import { fhirBase } from './baseUrl.ts';
import { FORM } from './formBody.ts';

const JSON_TYPE = 'application/json';
const tags = ['fhir'];
const everyone = { public: true } as const;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** The scopes a token may carry; `cds-hooks` is for signed CDS Hooks requests, not tokens. */
const TOKEN_SCOPES: readonly ClientScope[] = ['system/*.read'];

export const tokenEndpoint = (req: FastifyRequest) => `${fhirBase(req)}/auth/token`;

type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unsupported_grant_type';

/** An RFC 6749 error answer; a failed client authentication is 401, the others 400. */
class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
  get status() {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

const OAuthErrorBody = z.object({ error: z.string(), error_description: z.string() });

function sendOAuthError(reply: FastifyReply, error: OAuthError) {
  return reply.code(error.status).type(JSON_TYPE).send({ error: error.error, error_description: error.description });
}

/**
 * Malformed requests (a missing field, a field given twice, another content type, a body too large or unreadable)
 * are invalid_request, with the status the request's fault calls for (400, 413, 415).
 */
function oauthErrorHandler(error: FastifyError | OAuthError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof OAuthError) return sendOAuthError(reply, error);
  const status = (error as FastifyError).statusCode;
  if ((error as FastifyError).validation)
    return sendOAuthError(reply, new OAuthError('invalid_request', error.message));
  if (status !== undefined && status >= 400 && status < 500) {
    return reply
      .code(status === 413 || status === 415 ? status : 400)
      .type(JSON_TYPE)
      .send({ error: 'invalid_request', error_description: error.message });
  }
  req.log.error({ err: error }, 'token request failed');
  return reply.code(500).type(JSON_TYPE).send({ error: 'server_error', error_description: 'The server failed.' });
}

const TokenRequest = z.object({
  grant_type: z.string().max(100),
  scope: z.string().max(1000).optional(),
  client_assertion_type: z.string().max(200),
  client_assertion: z.string().max(8000),
});

const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

const SmartConfiguration = z.looseObject({
  token_endpoint: z.string(),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  token_endpoint_auth_signing_alg_values_supported: z.array(z.string()),
  grant_types_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  capabilities: z.array(z.string()),
});

function grantedScopes(requested: string | undefined): ClientScope[] {
  if (!requested?.trim()) throw new OAuthError('invalid_scope', `Ask for a scope: ${TOKEN_SCOPES.join(' ')}.`);
  const scopes = [...new Set(requested.trim().split(/\s+/))];
  const unknown = scopes.filter((s) => !TOKEN_SCOPES.includes(s as ClientScope));
  if (unknown.length) {
    throw new OAuthError('invalid_scope', `This server grants ${TOKEN_SCOPES.join(' ')}; not ${unknown.join(' ')}.`);
  }
  return scopes as ClientScope[];
}

export const smartRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/.well-known/smart-configuration',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'SMART configuration: how backend services get a token',
        produces: [JSON_TYPE],
        response: { 200: SmartConfiguration },
      },
    },
    async (req, reply) => {
      reply.type(JSON_TYPE);
      return {
        token_endpoint: tokenEndpoint(req),
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        token_endpoint_auth_signing_alg_values_supported: [...clientSigningAlgorithms],
        grant_types_supported: ['client_credentials'],
        scopes_supported: clientScopes.filter((s) => TOKEN_SCOPES.includes(s)),
        capabilities: ['client-confidential-asymmetric', 'permission-v1'],
      };
    },
  );

  await app.register(async (scope) => {
    scope.setErrorHandler(oauthErrorHandler);
    const oauth = scope.withTypeProvider<ZodTypeProvider>();
    oauth.post(
      '/auth/token',
      {
        // The client authenticates with the assertion in the body, not a bearer token.
        config: { access: everyone, audit: { action: 'oauth.token', entity: 'apiClient', entityId: 'none' } },
        preValidation: async (req) => {
          const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
          if (type !== FORM) throw new OAuthError('invalid_request', `Send the token request as ${FORM}.`);
        },
        schema: {
          tags,
          summary: 'Token endpoint: client_credentials with a private_key_jwt assertion (SMART backend services)',
          consumes: [FORM],
          produces: [JSON_TYPE],
          body: TokenRequest,
          response: {
            200: TokenResponse,
            400: OAuthErrorBody,
            401: OAuthErrorBody,
            413: OAuthErrorBody,
            415: OAuthErrorBody,
          },
        },
      },
      async (req, reply) => {
        const body = req.body;
        if (body.grant_type !== 'client_credentials') {
          throw new OAuthError('unsupported_grant_type', 'This server grants client_credentials only.');
        }
        if (body.client_assertion_type !== ASSERTION_TYPE) {
          throw new OAuthError('invalid_request', `client_assertion_type must be ${ASSERTION_TYPE}.`);
        }
        const scopes = grantedScopes(body.scope);
        const client = await verifyClientJwt(app.db, body.client_assertion, {
          audience: tokenEndpoint(req),
          subjectIsIssuer: true,
        }).catch((error: unknown) => {
          if (error instanceof ClientJwtError) throw new OAuthError('invalid_client', error.message);
          throw error;
        });
        req.auditTarget = { entity: 'apiClient', entityId: client.id };
        const beyondClient = scopes.filter((s) => !client.scopes.includes(s));
        if (beyondClient.length) {
          throw new OAuthError('invalid_scope', `The client is not registered for ${beyondClient.join(' ')}.`);
        }
        const beyondOwner = scopes.filter((s) => rightsOf([s], client.owner).length === 0);
        if (beyondOwner.length) {
          throw new OAuthError('invalid_scope', `The client's account may no longer use ${beyondOwner.join(' ')}.`);
        }
        const issued = await issueClientToken(app.db, client, scopes);
        reply.type(JSON_TYPE).header('pragma', 'no-cache');
        return {
          access_token: issued.token,
          token_type: 'bearer' as const,
          expires_in: issued.expiresIn,
          scope: scopes.join(' '),
        };
      },
    );
  });
};
