// The compiled server that production runs (apps/api/dist/cli.js, made by scripts/build-api.mjs). Tests that
// start `cdss` as a process run it, so they check what is deployed rather than the TypeScript source.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../src/config/paths.ts';

export const cliBundle = join(repoRoot, 'apps/api/dist/cli.js');

/** Node's arguments for `cdss <args>` from the bundle. */
export const cdssArgs = (...args: string[]) => ['--enable-source-maps', cliBundle, ...args];

/** Vitest global setup of the integration tests: builds the bundle from the current source (about a second). */
export default function buildBundle() {
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-api.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`Building apps/api/dist/cli.js failed:\n${built.stderr}`);
}
