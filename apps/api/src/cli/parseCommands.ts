// `cdss parse "<note>"`: the findings the symptom parser reads from a note, against the project's knowledge base.
import { buildLexicon, parse } from '@unani/engine';
import { loadKnowledgeDir, toEngineKnowledge } from '@unani/knowledge';
import { defaultKnowledgeDir } from '../config/paths.ts';
import { type Command, printJson, UsageError } from './command.ts';

export const parseCommands: Record<string, Command> = {
  parse: {
    summary: 'Read a free-text note into findings: cdss parse "c/o fever x3 days, no cough"',
    async run(args) {
      // Everything after the command is the note; "--" lets a note start with a dash.
      const text = (args[0] === '--' ? args.slice(1) : args).join(' ');
      if (text.trim() === '') {
        throw new UsageError('parse needs the note text, e.g. cdss parse "c/o suda and humma x3 days, no cough"');
      }
      const knowledge = toEngineKnowledge(loadKnowledgeDir(defaultKnowledgeDir));
      printJson({ findings: parse(text, buildLexicon(knowledge)) });
    },
  },
};
