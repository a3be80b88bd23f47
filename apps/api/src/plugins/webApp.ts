// Serves the built React app; any non-API path falls back to index.html so client-side routes work.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from './errors.ts';

const API_PREFIXES = ['/api/', '/health/', '/fhir/', '/cds-services'];

export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; run `pnpm build`');
    return;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (req.method === 'GET' && !API_PREFIXES.some((p) => path.startsWith(p))) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, 'Not Found', `No route for ${req.method} ${path}`));
  });
}
