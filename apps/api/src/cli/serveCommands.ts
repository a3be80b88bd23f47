// `cdss serve`: prepare the database and serve API and web app (what `npm start` ends with, beside `cdss worker`).
import { startProduct } from '../main.ts';
import { type Command, parseOptions } from './command.ts';

export const serveCommands: Record<string, Command> = {
  serve: {
    summary: 'serve [--wait-for-model]: prepare the database, then serve the API and the web app',
    async run(args) {
      const { values } = parseOptions(args, { 'wait-for-model': { type: 'boolean', default: false } });
      await startProduct(undefined, { waitForModel: values['wait-for-model'] });
    },
  },
};
