// Writes page-preloads.json into the build: for each page a person opens from a link (sign-in, the patient's
// note), the JavaScript files of its lazy chunk that the entry does not already load. The server names them
// in that page's index.html as <link rel="modulepreload">, so a phone fetches the page's code beside the
// entry instead of one round trip after it.
import type { Plugin } from 'vite';
import { BUDGETED_PAGES, type BuiltChunk, withStaticImports } from './firstLoadBudget.ts';

export const PAGE_PRELOADS_FILE = 'page-preloads.json';

/** Page module (as in BUDGETED_PAGES) → build files to preload, in the order they are imported. */
export type PagePreloads = Record<string, string[]>;

export function pagePreloadsOf(chunks: BuiltChunk[], pages: readonly string[]): PagePreloads {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const loadedByEntry = withStaticImports(
    chunks.filter((c) => c.isEntry),
    byFile,
  );
  const preloads: PagePreloads = {};
  for (const page of pages) {
    const pageChunk = chunks.find((c) => c.facadeModuleId?.endsWith(page));
    if (!pageChunk) throw new Error(`No chunk is built for ${page}: is it still a lazy route in routes.tsx?`);
    preloads[page] = [...withStaticImports([pageChunk], byFile)]
      .filter((c) => !loadedByEntry.has(c))
      .map((c) => c.fileName);
  }
  return preloads;
}

export function pagePreloads(): Plugin {
  return {
    name: 'unani-page-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is typeof c & BuiltChunk => c.type === 'chunk');
      this.emitFile({
        type: 'asset',
        fileName: PAGE_PRELOADS_FILE,
        source: JSON.stringify(pagePreloadsOf(chunks, BUDGETED_PAGES), null, 2),
      });
    },
  };
}
