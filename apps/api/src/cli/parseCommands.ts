import type { Command } from './command.ts';

export const parseCommands: Record<string, Command> = {};
