// Runs the pinned pnpm (package.json "packageManager"): the installed one when its version matches,
// else through npx, which fetches it from the npm registry once. Uses Node built-ins only, since it
// runs before dependencies are installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split(
  '@',
)[1];

function installedPnpmMatches() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === pinned;
}

const command = installedPnpmMatches() ? ['pnpm'] : ['npx', '--yes', `pnpm@${pinned}`];

/** Runs pnpm with the given arguments in the repository root; exits the process on failure. */
export function pnpm(args, options = {}) {
  const [bin, ...pre] = command;
  const result = spawnSync(bin, [...pre, ...args], { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.stderr.write(`\n\`pnpm ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
  return result;
}

/**
 * What the build reads: sources, schema, its own scripts, configuration, the lockfile, and the knowledge base (the
 * build saves it parsed beside the server: a stale snapshot would make every start parse the files again).
 */
const BUILD_INPUTS = [
  'apps',
  'packages',
  'prisma',
  'data/knowledge',
  'scripts/build-api.mjs',
  'scripts/prisma-generate.mjs',
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
];
const NOT_INPUTS = new Set(['node_modules', 'dist', 'generated', '.vite', 'test-results', 'coverage']);
/** What the build writes; a missing one means building again whatever the inputs say. */
const BUILD_OUTPUTS = ['apps/api/dist/cli.js', 'apps/web/dist/index.html', 'apps/api/src/generated/prisma/client.ts'];
/** Lives among the outputs, so removing dist/ also forgets it. */
const BUILD_STAMP = join(root, 'apps/api/dist/build-inputs.sha256');

/** SHA-256 over every input file's path and bytes under `base`, in a fixed order. */
export function buildInputsDigest(base = root) {
  const hash = createHash('sha256');
  const add = (path) => {
    const full = join(base, path);
    let entries;
    try {
      entries = readdirSync(full, { withFileTypes: true });
    } catch {
      hash.update(`${path}\0`).update(readFileSync(full)).update('\0');
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1)))
      if (!NOT_INPUTS.has(entry.name) && !entry.isSymbolicLink()) add(`${path}/${entry.name}`);
  };
  for (const input of BUILD_INPUTS) if (existsSync(join(base, input))) add(input);
  return hash.digest('hex');
}

/**
 * Installs dependencies exactly as locked and builds (Prisma client, web app, API bundle). The build is skipped
 * when its inputs are byte for byte those of the last build and its outputs are all there: a restart with
 * nothing changed then costs no build (about 7 s on two cores).
 */
export function installAndBuild() {
  // npm_config_nodedir: a native addon that compiles must use this Node's headers, never download them.
  pnpm(['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], {
    env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
  });
  const digest = buildInputsDigest();
  const built = existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, 'utf8') === digest;
  if (built && BUILD_OUTPUTS.every((output) => existsSync(join(root, output)))) return;
  pnpm(['run', '--silent', 'build']);
  mkdirSync(join(root, 'apps/api/dist'), { recursive: true });
  writeFileSync(BUILD_STAMP, digest);
}
