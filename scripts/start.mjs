// `npm start`: install, build, prepare the database and serve the product on http://localhost:3000.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installAndBuild, root } from './pnpm.mjs';

process.stderr.write('Installing dependencies and building…\n');
installAndBuild();

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/main.ts'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
