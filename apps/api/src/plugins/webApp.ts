// Serves the built React app; any non-API path falls back to index.html so client-side routes work.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The built Nastaliq font, named by Vite with its content hash. */
const URDU_FONT = /^noto-nastaliq-urdu.*\.woff2$/;

/** Written by the web build (apps/web/vite/pagePreloads.ts): page module → its lazy chunk's files. */
const PAGE_PRELOADS_FILE = 'page-preloads.json';
const SIGN_IN_PAGE = 'src/pages/SignInPage.tsx';
const NOTE_PAGE = 'src/pages/NotePage.tsx';

/** index.html for the pages people open from a link, each naming what it will fetch next. */
export interface LinkedPages {
  signIn: string;
  note: string;
  /** An Urdu note's link (`/n/<token>?lang=ur`) also preloads the Urdu font, the page's largest download. */
  urduNote: string;
}

function modulePreloads(distDir: string, page: string): string[] {
  const file = join(distDir, PAGE_PRELOADS_FILE);
  if (!existsSync(file)) return [];
  const files = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>)[page] ?? [];
  return files.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`);
}

function fontPreloads(distDir: string): string[] {
  const assets = join(distDir, 'assets');
  const font = existsSync(assets) ? readdirSync(assets).find((f) => URDU_FONT.test(f)) : undefined;
  return font ? [`<link rel="preload" href="/assets/${font}" as="font" type="font/woff2" crossorigin>`] : [];
}

/**
 * Without these links a phone on a slow connection fetches the entry script, then the page's own code, then
 * the note, then the font, one round trip after another; with them the page's code and the font download
 * beside the entry.
 */
export function linkedPages(distDir: string): LinkedPages {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const withLinks = (links: string[]) => html.replace('</head>', `${links.map((l) => `    ${l}\n`).join('')}  </head>`);
  const notePreloads = modulePreloads(distDir, NOTE_PAGE);
  return {
    signIn: withLinks(modulePreloads(distDir, SIGN_IN_PAGE)),
    note: withLinks(notePreloads),
    urduNote: withLinks([...notePreloads, ...fontPreloads(distDir)]),
  };
}

/** Which linked page a GET of `path` is, if any. */
function linkedPageOf(pages: LinkedPages, path: string, query: unknown): string | undefined {
  if (path === '/sign-in') return pages.signIn;
  if (!path.startsWith('/n/')) return undefined;
  return (query as { lang?: unknown } | undefined)?.lang === 'ur' ? pages.urduNote : pages.note;
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
  const pages = linkedPages(distDir);
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (req.method === 'GET' && !API_PREFIXES.some((p) => path.startsWith(p))) {
      const page = linkedPageOf(pages, path, req.query);
      if (page) return reply.header('cache-control', REVALIDATE_CACHE).type('text/html; charset=utf-8').send(page);
      return reply.sendFile('index.html');
    }
    return sendNotFound(req, reply);
  });
}
