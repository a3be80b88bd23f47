// Knowledge-base commands for reviewers: validate the files, and report what needs attention.
// An invalid knowledge base exits 1 with the loader's message, which names every file and entry at fault.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeCounts, knowledgeReport, loadKnowledgeDir, parseFormularyRequests } from '@unani/knowledge';
import { loadEnv } from '../config/env.ts';
import { defaultKnowledgeDir } from '../config/paths.ts';
import { writeKnowledgeSnapshot } from '../setup/knowledgeSnapshot.ts';
import { type Command, parseOptions, printJson, UsageError } from './command.ts';

/** Written by protocol authors beside the knowledge folders; optional. */
const FORMULARY_REQUESTS_FILE = 'formulary-requests.txt';

/** `--knowledge <dir>`, else KNOWLEDGE_DIR, else data/knowledge. */
function knowledgeDirOf(command: string, args: string[]): string {
  const { values, positionals } = parseOptions(args, { knowledge: { type: 'string' } });
  if (positionals.length) throw new UsageError(`${command} takes no arguments (got ${positionals.join(' ')})`);
  return values.knowledge ?? loadEnv().KNOWLEDGE_DIR ?? defaultKnowledgeDir;
}

export const kbCommands: Record<string, Command> = {
  'kb validate': {
    summary: '[--knowledge <dir>]: check every knowledge file; print the content hash and counts',
    async run(args) {
      const kb = loadKnowledgeDir(knowledgeDirOf('kb validate', args));
      printJson({ valid: true, hash: kb.hash, counts: knowledgeCounts(kb) });
    },
  },
  'kb snapshot': {
    summary:
      '[--knowledge <dir>]: save the parsed knowledge beside the compiled server, so it starts without parsing (the build runs this)',
    async run(args) {
      const result = writeKnowledgeSnapshot(knowledgeDirOf('kb snapshot', args));
      printJson(result);
    },
  },
  'kb report': {
    summary:
      '[--knowledge <dir>]: counts, entries for review, monograph-level citations, thin diseases, unused entries, Urdu gaps, Unani layer',
    async run(args) {
      const dir = knowledgeDirOf('kb report', args);
      const kb = loadKnowledgeDir(dir);
      const requestsFile = join(dir, FORMULARY_REQUESTS_FILE);
      const requests = existsSync(requestsFile)
        ? parseFormularyRequests(readFileSync(requestsFile, 'utf8'))
        : undefined;
      printJson(knowledgeReport(kb, requests));
    },
  },
};
