import type { Command } from './command.ts';

export const kbCommands: Record<string, Command> = {};
