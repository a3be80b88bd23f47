import type { Command } from './command.ts';

export const modelCommands: Record<string, Command> = {};
