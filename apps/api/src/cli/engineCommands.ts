// Engine commands: parse, diagnose, train, evaluate.
import type { Command } from './command.ts';
import { modelCommands } from './modelCommands.ts';
import { parseCommands } from './parseCommands.ts';

export const engineCommands: Record<string, Command> = { ...parseCommands, ...modelCommands };
