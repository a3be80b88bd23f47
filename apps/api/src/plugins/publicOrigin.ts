// Where this server answers for links it hands out (share links, FHIR fullUrls, CDS Hooks links): PUBLIC_URL
// when configured, which production requires, so a forged Host header cannot redirect them. Without it
// (development, tests) the request's own protocol and host, which follow X-Forwarded-* only from trusted proxies.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Scheme, host and any path prefix of the public address, without a trailing slash. */
    readonly publicOrigin: string;
  }
}

export function registerPublicOrigin(app: FastifyInstance, publicUrl: string | undefined): void {
  const configured = publicUrl?.replace(/\/+$/, '');
  app.decorateRequest('publicOrigin', {
    getter() {
      return configured ?? `${this.protocol}://${this.host}`;
    },
  });
}
