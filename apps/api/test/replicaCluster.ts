// Several `cdss serve` processes on loopback behind a real HAProxy (round robin, health checks on /health/ready),
// for tests of what replicas share. Every process started here is stopped by `stop()`, and on exit.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cdssArgs } from './productionBundle.ts';

const apiDir = join(import.meta.dirname, '..');

/** On the PATH, or where Debian's package puts it (/usr/sbin is not on every user's PATH). */
const haproxyBinary = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';

/** Why HAProxy cannot run here, or undefined when it can. */
export function haproxyProblem(): string | undefined {
  const probe = spawnSync(haproxyBinary, ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return (
      `HAProxy is not installed (${probe.error?.message ?? probe.stderr}). The replica tests need it: ` +
      'install it with `apt-get install -y haproxy` (.ci/run does).'
    );
  return undefined;
}

/** A free loopback port (the kernel's choice, released at once for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error())));
    });
  });
}

export interface Replica {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  /** Standard error so far, for a failure's message. */
  output(): string;
}

export interface Cluster {
  replicas: Replica[];
  /** The proxy's address: requests through it go round robin to the healthy replicas. */
  proxyUrl: string;
  kill(replica: Replica): void;
  /** Starts `cdss worker` on the same database and model folder (stopped with the rest). */
  startWorker(): void;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  count: number;
  env: Record<string, string>;
  /** Where the generated HAProxy configuration goes. */
  dir: string;
  readyTimeoutMs: number;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function track(child: ChildProcess, name: string, lines: string[]) {
  children.add(child);
  child.stderr?.on('data', (chunk: Buffer) => {
    lines.push(String(chunk));
    if (lines.length > 200) lines.shift();
  });
  child.once('exit', () => children.delete(child));
  return { name };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, detail: () => string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = async (url: string) => (await fetch(`${url}/health/ready`)).status === 200;

/** HAProxy's configuration: round robin, a replica out after two failed checks, the answering one named. */
export function haproxyConfig(port: number, replicas: readonly Pick<Replica, 'name' | 'port'>[]): string {
  return [
    'global',
    '  maxconn 256',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout server 30s',
    // A refused connection (a replica gone) is tried again on another replica.
    '  retries 2',
    '  option redispatch 1',
    'frontend api',
    `  bind 127.0.0.1:${port}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /health/ready',
    '  http-check expect status 200',
    '  default-server inter 500ms fall 2 rise 1',
    // The replica that answered, for the test to see the spread (%s: the server's name).
    '  http-response set-header X-Replica %s',
    ...replicas.map((r) => `  server ${r.name} 127.0.0.1:${r.port} check`),
    '',
  ].join('\n');
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const replicas: Replica[] = [];
  for (let i = 0; i < options.count; i++) {
    const port = await freePort();
    const lines: string[] = [];
    const child = spawn(process.execPath, cdssArgs('serve'), {
      cwd: apiDir,
      env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const name = `replica${i + 1}`;
    track(child, name, lines);
    replicas.push({ name, port, url: `http://127.0.0.1:${port}`, process: child, output: () => lines.join('') });
  }
  const proxyLines: string[] = [];
  let proxy: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const cluster: Cluster = {
    replicas,
    proxyUrl: '',
    kill(replica) {
      replica.process.kill('SIGKILL');
    },
    startWorker() {
      worker = spawn(process.execPath, cdssArgs('worker'), {
        cwd: apiDir,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      track(worker, 'worker', []);
    },
    async stop() {
      const all = [...replicas.map((r) => r.process), proxy, worker].filter((c) => c !== undefined);
      await Promise.all(all.map(stopChild));
    },
  };
  try {
    await Promise.all(
      replicas.map((r) =>
        until(
          `${r.name} to be ready`,
          () => ready(r.url),
          options.readyTimeoutMs,
          () => {
            const exited = r.process.exitCode !== null ? ` (exited ${r.process.exitCode})` : '';
            return `${r.name}${exited}:\n${r.output()}`;
          },
        ),
      ),
    );
    const port = await freePort();
    const config = join(options.dir, 'haproxy.cfg');
    writeFileSync(config, haproxyConfig(port, replicas));
    // -db: in the foreground, so it ends with its child process handle.
    proxy = spawn(haproxyBinary, ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    track(proxy, 'haproxy', proxyLines);
    proxy.stdout?.on('data', (chunk: Buffer) => proxyLines.push(String(chunk)));
    cluster.proxyUrl = `http://127.0.0.1:${port}`;
    await until(
      'HAProxy to route to a replica',
      () => ready(cluster.proxyUrl),
      10_000,
      () => proxyLines.join(''),
    );
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
