// Copies of the minimal fixture knowledge base that a test may break on purpose.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError, loadKnowledgeDir } from '../src/index.ts';

export const minimalKnowledgeDir = fileURLToPath(new URL('./fixtures/minimal', import.meta.url));

/** A writable copy of the minimal fixture; `edit` rewrites one of its files. */
export function copyOfMinimalKnowledge() {
  const dir = mkdtempSync(join(tmpdir(), 'cdss-kb-'));
  cpSync(minimalKnowledgeDir, dir, { recursive: true });
  return {
    dir,
    read: (file: string) => readFileSync(join(dir, file), 'utf8'),
    write: (file: string, text: string) => writeFileSync(join(dir, file), text),
    edit(file: string, change: (text: string) => string) {
      this.write(file, change(this.read(file)));
    },
  };
}

/** The loader's problems for the knowledge base in `dir`, as "file › entry: message" lines; none when it loads. */
export function problemsOf(dir: string): string[] {
  try {
    loadKnowledgeDir(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.problems.map((p) => `${p.file} › ${p.entry}: ${p.message}`);
    throw error;
  }
  return [];
}
