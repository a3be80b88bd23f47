// `cdss serve`: prepare the database and serve API and web app (what `npm start` ends with).
import { startProduct } from '../main.ts';
import type { Command } from './command.ts';

export const serveCommands: Record<string, Command> = {
  serve: {
    summary: 'prepare the database, then serve the API and the web app',
    async run() {
      await startProduct();
    },
  },
};
