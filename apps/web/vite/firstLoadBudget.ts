// Fails the build when the JavaScript a page needs before it can paint grows past its budget: the entry
// chunk, the page's own chunk and everything either imports statically, measured gzipped.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What a patient's phone on a slow connection can fetch quickly enough to paint in about 2.5 s. */
export const FIRST_LOAD_BUDGET_BYTES = 150_000;

/** The pages a person without an account opens first; each must stay within the budget. */
export const BUDGETED_PAGES = ['src/pages/SignInPage.tsx', 'src/pages/NotePage.tsx'];

export interface BuiltChunk {
  fileName: string;
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

function withStaticImports(start: BuiltChunk[], byFile: Map<string, BuiltChunk>): Set<BuiltChunk> {
  const seen = new Set<BuiltChunk>();
  const queue = [...start];
  for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) queue.push(imported);
    }
  }
  return seen;
}

/** Gzipped bytes of the JavaScript that loads before `page` can render, from the build's chunks. */
export function firstLoadBytes(chunks: BuiltChunk[], page: string): number {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entries = chunks.filter((c) => c.isEntry);
  const pageChunk = chunks.find((c) => c.facadeModuleId?.endsWith(page));
  if (!pageChunk) throw new Error(`No chunk is built for ${page}: is it still a lazy route in routes.tsx?`);
  let total = 0;
  for (const chunk of withStaticImports([...entries, pageChunk], byFile)) total += gzipSync(chunk.code).length;
  return total;
}

export function firstLoadBudget(): Plugin {
  return {
    name: 'unani-first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is typeof c & BuiltChunk => c.type === 'chunk');
      for (const page of BUDGETED_PAGES) {
        const bytes = firstLoadBytes(chunks, page);
        const line = `first-load JavaScript for ${page}: ${(bytes / 1000).toFixed(1)} kB gzipped (budget ${FIRST_LOAD_BUDGET_BYTES / 1000} kB)`;
        if (bytes > FIRST_LOAD_BUDGET_BYTES) this.error(`${line}. Move what the page does not need behind import().`);
        this.info(line);
      }
    },
  };
}
