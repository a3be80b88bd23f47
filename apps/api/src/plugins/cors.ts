// Cross-origin access to the FHIR and CDS Hooks interfaces, which browser-based clients (SMART apps, an EHR's CDS
// Hooks client) call from their own origin; every other route (/api/v1, the web app) stays same-origin only.
import type { FastifyInstance } from 'fastify';

const CROSS_ORIGIN = /^\/(fhir|cds-services)(\/|$|\?)/;
const METHODS = 'GET, HEAD, POST, OPTIONS';
/** What FHIR and CDS Hooks clients send: the bearer token, the body's type, FHIR's Prefer and conditional reads. */
const REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Prefer',
  'If-None-Match',
  'If-Modified-Since',
  'If-Match',
  'X-Requested-With',
].join(', ');
/** What FHIR clients read from an answer beyond the CORS-safelisted headers. */
const EXPOSED_HEADERS = ['Location', 'Content-Location', 'ETag', 'Last-Modified', 'WWW-Authenticate'].join(', ');
/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_S = 600;

export const isCrossOriginPath = (url: string) => CROSS_ORIGIN.test(url);

export function registerCors(app: FastifyInstance): void {
  // Any origin (`*`), and never credentials: these interfaces authenticate with bearer tokens that a client sends
  // itself, not with cookies, so a page on another origin gains nothing a direct request would not. Without
  // Access-Control-Allow-Credentials a browser sends no cookie cross-origin and shows the page no answer to one,
  // so the session cookie that also opens /fhir to a signed-in practitioner cannot be ridden from another site.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!isCrossOriginPath(req.url)) return payload;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    // Helmet's default (same-origin) would stop a cross-origin page from embedding what CORS lets it read.
    reply.header('cross-origin-resource-policy', 'cross-origin');
    return payload;
  });

  // The preflight a browser sends before a request with Authorization or a JSON body. Public: it carries no token.
  for (const url of ['/fhir', '/fhir/*', '/cds-services', '/cds-services/*']) {
    app.options(url, { config: { access: { public: true } }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', METHODS)
        .header('access-control-allow-headers', REQUEST_HEADERS)
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_S))
        .header('allow', METHODS)
        .send(),
    );
  }
}
