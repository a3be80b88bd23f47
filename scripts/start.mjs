// `npm start`: install, build, prepare the database and serve the product on http://localhost:3000, with the
// training worker beside the server (the server waits for the worker's first model on a fresh start). Both run
// the compiled bundle (apps/api/dist/cli.js, made by the build), not the TypeScript source.
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

const cli = (args, stdio = 'inherit') =>
  spawn(process.execPath, ['--enable-source-maps', join(root, 'apps/api/dist/cli.js'), ...args], {
    cwd: root,
    stdio,
    env,
  });
// The worker starts once the server serves, or waits for the worker's first model: started together, the two
// would share the CPU while the server starts (a second start took 2–2.5 s longer on two cores).
const server = cli(['serve', '--wait-for-model'], ['inherit', 'inherit', 'inherit', 'ipc']);
const children = [server];
const startWorker = () => {
  if (children.length > 1 || exiting) return;
  const worker = cli(['worker']);
  children.push(worker);
  worker.on('exit', (code, signal) => ended(worker, code, signal));
};
server.on('message', (message) => {
  if (message?.event === 'ready' || message?.event === 'waiting-for-model') startWorker();
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
  });
// One process ending ends the product: stop the other and exit with the first one's status.
let exiting = false;
function ended(child, code, signal) {
  if (exiting) return;
  exiting = true;
  for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
  process.exitCode = code ?? (signal ? 1 : 0);
}
server.on('exit', (code, signal) => ended(server, code, signal));
