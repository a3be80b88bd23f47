// Security headers (CSP, frame-ancestors, no-sniff, referrer policy), cookies and rate limits.
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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

export async function registerSecurity(app: FastifyInstance, rateLimit: RateLimitOptions = {}): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url === API_DOCS || req.url.startsWith(`${API_DOCS}/`))
      reply.header('content-security-policy', apiDocsPolicy);
    return payload;
  });
  await registerRateLimit(app, rateLimit);
}
