// The shape of a `cdss` sub-command: JSON on stdout, progress on stderr, a one-line message on bad input.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface Command {
  /** One line shown by `cdss help`. */
  summary: string;
  run(args: string[]): Promise<unknown>;
}

/** An error whose message is shown as is, without a stack trace, and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses options strictly; unknown flags become a UsageError naming them. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Everything on standard input, less one final line break; `prompt` is shown first when a person types it. */
export async function readStdin(prompt: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
