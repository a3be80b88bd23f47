// Answers of the API, FHIR and CDS Hooks carry patient data or may: no browser, proxy or shared clinic
// computer keeps a copy (`Cache-Control: no-store`), unless the route set its own caching header.
import type { FastifyInstance } from 'fastify';

const UNCACHED = /^\/(api|fhir|cds-services)(\/|$|\?)/;

export function registerCacheHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (UNCACHED.test(req.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
