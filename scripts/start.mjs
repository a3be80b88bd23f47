// `npm start`: install, build, prepare the database and serve the product on http://localhost:3000.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installAndBuild, root } from './pnpm.mjs';

process.stderr.write('Installing dependencies and building…\n');
installAndBuild();

// Production needs PUBLIC_URL; on the one machine of the quick start, that machine's own address will do.
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
if (!env.PUBLIC_URL && !process.env.NODE_ENV) {
  env.PUBLIC_URL = `http://localhost:${env.PORT || 3000}`;
  process.stderr.write(
    `PUBLIC_URL is unset: share links will use ${env.PUBLIC_URL} (set it to the address phones reach).\n`,
  );
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/main.ts'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
