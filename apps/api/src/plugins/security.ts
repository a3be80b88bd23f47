// Security headers (CSP, frame-ancestors, no-sniff, referrer policy), cookies and rate limits.
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { type RateLimitOptions, registerRateLimit } from './rateLimit.ts';

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The API reference page (/api/docs) styles itself inline; no other page may. */
const API_DOCS = '/api/docs';
const apiDocsPolicy = Object.entries({ ...directives, styleSrc: ["'self'", "'unsafe-inline'"] })
  .map(([name, sources]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(' ')}`)
  .join(';');

const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers helmet sets, computed once: they are the same for every answer (no nonces), and building helmet's
 * middleware on every request (as the Fastify plugin does) cost more than a tenth of a diagnosis's server time.
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, collector as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export async function registerSecurity(app: FastifyInstance, rateLimit: RateLimitOptions = {}): Promise<void> {
  await app.register(fastifyCookie);
  const headers = securityHeaders(helmetOptions);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url === API_DOCS || req.url.startsWith(`${API_DOCS}/`))
      reply.header('content-security-policy', apiDocsPolicy);
    return payload;
  });
  await registerRateLimit(app, rateLimit);
}
