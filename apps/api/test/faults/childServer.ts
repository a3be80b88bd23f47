// The real product (`cdss serve`) as a child process on 127.0.0.1, for tests that kill or stop it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { minimalKnowledgeDir } from '../../../../packages/knowledge/test/knowledgeFixture.ts';
import { cdssArgs } from '../productionBundle.ts';

const repoRoot = resolve(import.meta.dirname, '../../../..');
/** The server loads the model trained before its first start (it never trains one itself). */
const READY_LIMIT_MS = 90_000;
const READY_POLL_MS = 200;
/** Each request a test sends gives up after this long, so no test waits forever. */
export const REQUEST_LIMIT_MS = 15_000;

/** A port that was free a moment ago (the server needs a known port before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface ChildServer {
  origin: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** What the process wrote (its log lines and its messages), for failure messages. */
  stderr(): string;
  /** SIGKILL if still running; waits for the exit. Safe to call twice. */
  kill(): Promise<void>;
}

/** A temporary model folder shared by the starts of one test file, removed by `remove`. */
export function temporaryModelDir() {
  const dir = mkdtempSync(join(tmpdir(), 'cdss-model-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `cdss serve` on the database and waits until /health/ready answers 200. The knowledge is
 * the minimal fixture unless `knowledgeDir` names another (the full knowledge base trains longer).
 */
export async function startChildServer(options: {
  databaseUrl: string;
  modelDir: string;
  knowledgeDir?: string;
  readyLimitMs?: number;
}): Promise<ChildServer> {
  ensureModel(options.modelDir, options.knowledgeDir ?? minimalKnowledgeDir, options.readyLimitMs ?? READY_LIMIT_MS);
  const port = await freePort();
  const child = spawn(process.execPath, cdssArgs('serve'), {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      MODEL_DIR: options.modelDir,
      KNOWLEDGE_DIR: options.knowledgeDir ?? minimalKnowledgeDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const collect = (chunk: Buffer) => {
    stderr += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const server: ChildServer = {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    exited,
    stderr: () => stderr,
    async kill() {
      if (!ended) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.readyLimitMs ?? READY_LIMIT_MS);
  while (Date.now() < deadline && !ended) {
    const ready = await fetch(`${server.origin}/health/ready`, { signal: AbortSignal.timeout(2_000) }).catch(
      () => undefined,
    );
    if (ready?.status === 200) return server;
    await new Promise((done) => setTimeout(done, READY_POLL_MS));
  }
  await server.kill();
  throw new Error(`cdss serve did not become ready:\n${stderr}`);
}

/**
 * The server trains no model (the worker does, decision 0020) and is ready only with one: as an operator would,
 * train it once with `cdss train` into the folder the starts of a test file share.
 */
function ensureModel(modelDir: string, knowledgeDir: string, limitMs: number) {
  if (readdirSync(modelDir).some((f) => f.startsWith('model-') && f.endsWith('.json'))) return;
  const trained = spawnSync(process.execPath, cdssArgs('train', '--knowledge', knowledgeDir, '--out', modelDir), {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: limitMs,
  });
  if (trained.status !== 0) throw new Error(`cdss train failed:\n${trained.stderr}`);
}

/** A JSON request to the child with a time limit; rejects when the connection fails. */
export async function send(
  origin: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
) {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}

/** Signs in over HTTP; returns the headers of a state-changing request from that session. */
export async function signInOverHttp(origin: string, email: string, password: string) {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('cdss_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
