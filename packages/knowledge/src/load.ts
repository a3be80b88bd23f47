// Reads data/knowledge/ (one folder per kind of entry, YAML or JSON files) into a checked KnowledgeBase.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeBase } from './format.ts';
import {
  buildKnowledgeBase,
  KnowledgeError,
  type KnowledgeFile,
  type KnowledgeKind,
  type KnowledgeProblem,
  knowledgeKinds,
} from './validate.ts';

const dataFile = /\.(ya?ml|json)$/;

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesBelow(join(dir, d.name)) : [join(dir, d.name)]))
    .filter((f) => dataFile.test(f))
    .sort();
}

/** Loads and validates the knowledge base under `dir`; throws KnowledgeError naming every problem. */
export function loadKnowledgeDir(dir: string): KnowledgeBase {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new KnowledgeError([{ file: dir, entry: '-', message: 'knowledge directory not found' }]);
  }
  const files: KnowledgeFile[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const kind of Object.keys(knowledgeKinds) as KnowledgeKind[]) {
    const folder = join(dir, kind);
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const path of filesBelow(folder)) {
      const file = relative(dir, path);
      try {
        const text = readFileSync(path, 'utf8');
        files.push({ kind, file, content: path.endsWith('.json') ? JSON.parse(text) : parseYaml(text) });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        problems.push({ file, entry: '-', message: `cannot be parsed: ${reason}` });
      }
    }
  }
  if (problems.length > 0) throw new KnowledgeError(problems);
  return buildKnowledgeBase(files);
}
