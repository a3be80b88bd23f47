// Copies of the minimal fixture knowledge base that a test may break on purpose.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
