// FHIR's conditional read: every read of one resource (`/fhir/<Type>/:id`) answers an ETag (a hash of the resource
// as sent: nothing here keeps version ids) and, when the resource says when it changed, Last-Modified; a client that
// sends the ETag back in If-None-Match gets 304 with no body while the resource is unchanged.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const READ_ROUTE = /\/[A-Za-z]+\/:id$/;

export function registerReadValidators(fhir: FastifyInstance): void {
  fhir.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (!READ_ROUTE.test(req.routeOptions.url ?? '')) return payload;
    const etag = `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    const lastUpdated = (JSON.parse(payload) as { meta?: { lastUpdated?: string } }).meta?.lastUpdated;
    if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString());
    const sent = req.headers['if-none-match'];
    if (sent && sent.split(',').some((tag) => tag.trim() === etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
