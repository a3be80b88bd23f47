// Runs the pinned pnpm (package.json "packageManager"): the installed one when its version matches,
// else through npx, which fetches it from the npm registry once. Uses Node built-ins only, since it
// runs before dependencies are installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Installs dependencies exactly as locked and builds (Prisma client, web app). */
export function installAndBuild() {
  // npm_config_nodedir: a native addon that compiles must use this Node's headers, never download them.
  pnpm(['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], {
    env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
  });
  pnpm(['run', '--silent', 'build']);
}
