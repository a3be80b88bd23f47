// Reads data/knowledge/ (one folder per kind of entry, YAML or JSON files) into a checked KnowledgeBase.
import { createHash } from 'node:crypto';
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

/** One knowledge file as it lies on disk, before parsing. */
export interface KnowledgeFileText {
  kind: KnowledgeKind;
  /** Relative to the knowledge directory. */
  file: string;
  text: string;
}

/** Reads every knowledge file under `dir`, in a fixed order; throws KnowledgeError when `dir` is missing. */
export function readKnowledgeFiles(dir: string): KnowledgeFileText[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new KnowledgeError([{ file: dir, entry: '-', message: 'knowledge directory not found' }]);
  }
  const texts: KnowledgeFileText[] = [];
  for (const kind of Object.keys(knowledgeKinds) as KnowledgeKind[]) {
    const folder = join(dir, kind);
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const path of filesBelow(folder))
      texts.push({ kind, file: relative(dir, path), text: readFileSync(path, 'utf8') });
  }
  return texts;
}

/** SHA-256 over the files' kinds, names and bytes: equal digests mean the same files, whatever they hold. */
export function knowledgeFilesDigest(texts: KnowledgeFileText[]): string {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(`${t.kind}\0${t.file}\0${t.text.length}\0`).update(t.text);
  return hash.digest('hex');
}

/** Parses and validates files read by `readKnowledgeFiles`; throws KnowledgeError naming every problem. */
export function parseKnowledgeFiles(texts: KnowledgeFileText[]): KnowledgeBase {
  const files: KnowledgeFile[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const { kind, file, text } of texts) {
    try {
      files.push({ kind, file, content: file.endsWith('.json') ? JSON.parse(text) : parseYaml(text) });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      problems.push({ file, entry: '-', message: `cannot be parsed: ${reason}` });
    }
  }
  if (problems.length > 0) throw new KnowledgeError(problems);
  return buildKnowledgeBase(files);
}

/** Loads and validates the knowledge base under `dir`; throws KnowledgeError naming every problem. */
export function loadKnowledgeDir(dir: string): KnowledgeBase {
  return parseKnowledgeFiles(readKnowledgeFiles(dir));
}
