// The parsed knowledge base saved by the build beside the compiled server, so that a start reads one JSON file
// (about 10 ms) instead of parsing and validating some 150 YAML files (about 1.5–2 s on two cores). A snapshot
// is used only when the knowledge files are byte for byte those it was made from and the running bundle is the
// one that made it; anything else (edited files, another KNOWLEDGE_DIR, the TypeScript source) parses the files.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type KnowledgeBase,
  type KnowledgeFileText,
  knowledgeFilesDigest,
  parseKnowledgeFiles,
  readKnowledgeFiles,
} from '@unani/knowledge';

const thisFile = fileURLToPath(import.meta.url);
/** The compiled bundle (apps/api/dist/cli.js) when this code runs from it; undefined when run from source. */
const runningBundle = basename(thisFile) === 'cli.js' ? thisFile : undefined;

interface Snapshot {
  bundleDigest: string;
  filesDigest: string;
  knowledge: KnowledgeBase;
}

export const snapshotFileOf = (bundle: string) => join(dirname(bundle), 'knowledge-snapshot.json');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function savedKnowledge(texts: KnowledgeFileText[], bundle: string | undefined): KnowledgeBase | undefined {
  if (!bundle) return undefined;
  try {
    const saved = JSON.parse(readFileSync(snapshotFileOf(bundle), 'utf8')) as Snapshot;
    if (saved.filesDigest !== knowledgeFilesDigest(texts)) return undefined;
    if (saved.bundleDigest !== sha256(readFileSync(bundle))) return undefined;
    return saved.knowledge;
  } catch {
    return undefined; // missing, unreadable or half-written: the files themselves are the truth
  }
}

/** The knowledge base under `dir`, from the build's snapshot when it matches, else parsed and validated. */
export function loadKnowledge(dir: string, bundle = runningBundle): KnowledgeBase {
  const texts = readKnowledgeFiles(dir);
  return savedKnowledge(texts, bundle) ?? parseKnowledgeFiles(texts);
}

/**
 * Parses `dir` and saves it beside `bundle` (the build runs this from the bundle it has just written). An
 * invalid knowledge base leaves no snapshot: the server then parses the files and reports their problems.
 */
export function writeKnowledgeSnapshot(dir: string, bundle = runningBundle): { written: boolean; reason?: string } {
  if (!bundle) return { written: false, reason: 'only the compiled bundle writes a snapshot' };
  const file = snapshotFileOf(bundle);
  rmSync(file, { force: true });
  const texts = readKnowledgeFiles(dir);
  let knowledge: KnowledgeBase;
  try {
    knowledge = parseKnowledgeFiles(texts);
  } catch (error) {
    return { written: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const snapshot: Snapshot = {
    bundleDigest: sha256(readFileSync(bundle)),
    filesDigest: knowledgeFilesDigest(texts),
    knowledge,
  };
  // Renamed into place, so a start never reads a half-written snapshot.
  writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
  renameSync(`${file}.tmp`, file);
  return { written: true };
}
