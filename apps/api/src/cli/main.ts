// `pnpm --silent cdss <command>`: the project's command line. Every command prints JSON on stdout.
import { ZodError } from 'zod';
import { clientCommands } from './clientCommands.ts';
import { type Command, UsageError } from './command.ts';
import { dbCommands } from './dbCommands.ts';
import { engineCommands } from './engineCommands.ts';
import { kbCommands } from './kbCommands.ts';
import { serveCommands } from './serveCommands.ts';
import { userCommands } from './userCommands.ts';
import { workerCommands } from './workerCommands.ts';

const commands: Record<string, Command> = {
  ...serveCommands,
  ...workerCommands,
  ...dbCommands,
  ...userCommands,
  ...clientCommands,
  ...kbCommands,
  ...engineCommands,
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return Object.entries(commands)
    .map(([name, c]) => `  cdss ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
}

/** Finds the longest command name the arguments start with, e.g. "user totp reset" before "user". */
function resolve(argv: string[]): [Command, string[]] | undefined {
  for (let words = Math.min(3, argv.length); words > 0; words--) {
    const command = commands[argv.slice(0, words).join(' ')];
    if (command) return [command, argv.slice(words)];
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    process.stderr.write(`Usage:\n${usage()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const found = resolve(argv);
  if (!found) {
    process.stderr.write(`cdss: unknown command "${argv.join(' ')}". Commands:\n${usage()}\n`);
    return 2;
  }
  const [command, rest] = found;
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cdss: ${error.message}\n`);
      return 2;
    }
    const message =
      error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`cdss: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
