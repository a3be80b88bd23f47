// Serves the built React app; any non-API path falls back to index.html so client-side routes work.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendNotFound } from './errors.ts';

const API_PREFIXES = ['/api/', '/health/', '/fhir/', '/cds-services'];

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html (and anything unhashed) is revalidated on every load so a new release is seen at once. */
export const REVALIDATE_CACHE = 'no-cache';

function cacheControlFor(filePath: string): string {
  return filePath.includes(`${sep}assets${sep}`) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/** Serves the app when it is built; otherwise unknown paths answer a 404 problem document. */
export async function registerWebApp(app: FastifyInstance, distDir: string | undefined): Promise<void> {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) {
    if (distDir) app.log.warn({ distDir }, 'web app not built; run `pnpm build`');
    app.setNotFoundHandler(sendNotFound);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: ['index.html'],
    // The build writes .br and .gz beside each text file (apps/web/vite/precompress.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath));
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (req.method === 'GET' && !API_PREFIXES.some((p) => path.startsWith(p))) {
      return reply.sendFile('index.html');
    }
    return sendNotFound(req, reply);
  });
}
