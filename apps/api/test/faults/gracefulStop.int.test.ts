// A graceful stop: SIGTERM while requests are in flight. Each of them completes with 2xx, new
// connections are refused at once, and the process exits 0 well within its grace period.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../src/db/prisma.ts';
import { createApiKey } from '../../src/services/apiKeyService.ts';
import { createUser } from '../../src/services/userService.ts';
import { createTestDatabase, type TestDatabase } from '../testDatabase.ts';
import {
  type ChildServer,
  REQUEST_LIMIT_MS,
  send,
  signInOverHttp,
  startChildServer,
  temporaryModelDir,
} from './childServer.ts';

/**
 * Requests whose headers the server has read and whose bodies are still arriving when the signal
 * comes: in flight by any definition. (A connection still waiting in the kernel's accept queue, or
 * one accepted but with no request read yet, is not in flight: closing the listener resets it.)
 */
const IN_FLIGHT = 8;
/** How long the in-flight requests hold back the rest of their body after the signal. */
const UPLOAD_PAUSE_MS = 500;
/** Analyses whose clients hang up mid-request, and when they do. */
const HUNG_UP = 12;
const HANG_UP_AFTER_MS = 5;
/** main.ts forces an exit after 10 s; a clean stop must be well inside it. */
const EXIT_LIMIT_MS = 8_000;

let database: TestDatabase;
let model: ReturnType<typeof temporaryModelDir>;
let db: Db;
let server: ChildServer;
let authorization: string;

beforeAll(async () => {
  database = await createTestDatabase();
  model = temporaryModelDir();
  server = await startChildServer({ databaseUrl: database.url, modelDir: model.dir });
  db = createPrisma(database.target, 2);
  const owner = await createUser(db, {
    email: 'integrator@example.org',
    name: 'Integrator',
    role: 'researcher',
    password: 'a long integrator password',
  });
  authorization = `Bearer ${(await createApiKey(db, owner.id, 'stop test', ['engine:use'])).key}`;
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await db?.$disconnect();
  await database?.drop();
  model?.remove();
});

const diagnoseBody = JSON.stringify({
  text: 'sneezing and runny nose for three days, mild headache, no fever',
  context: { ageYears: 28, sex: 'male' },
});

/** POST /api/v1/diagnose on its own connection; the body is sent in two parts, the second on `release`. */
function diagnose(port: number) {
  let release: () => void = () => undefined;
  let connected: Promise<void> = Promise.resolve();
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/diagnose',
      agent: false,
      timeout: REQUEST_LIMIT_MS,
      headers: {
        authorization,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(diagnoseBody),
      },
    });
    connected = new Promise((done) => req.once('socket', (socket) => socket.once('connect', () => done())));
    req.on('timeout', () => req.destroy(new Error('the request timed out')));
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    const half = Math.floor(diagnoseBody.length / 2);
    req.write(diagnoseBody.slice(0, half));
    release = () => req.end(diagnoseBody.slice(half));
  });
  // Failures surface where the answers are awaited; this only keeps an early one from counting as unhandled.
  answered.catch(() => undefined);
  return { answered, connected, release: () => release() };
}

/** Whether a new TCP connection to the port is accepted. */
function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('a graceful stop on SIGTERM', () => {
  it('finishes in-flight requests with 2xx, refuses new connections, and exits 0 in time', async () => {
    const port = Number(new URL(server.origin).port);
    const inFlight = Array.from({ length: IN_FLIGHT }, () => diagnose(port));
    await Promise.all(inFlight.map((r) => r.connected));
    // Give the server a moment to read the headers it has been sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = performance.now();
    server.process.kill('SIGTERM');

    await new Promise((resolve) => setTimeout(resolve, UPLOAD_PAUSE_MS));
    expect(await connects(port)).toBe(false);
    for (const r of inFlight) r.release();

    const answers = await Promise.all(inFlight.map((r) => r.answered));
    for (const a of answers) {
      expect(a.status, a.body).toBe(200);
      expect((JSON.parse(a.body) as { differential: unknown[] }).differential.length).toBeGreaterThan(0);
    }
    const code = await Promise.race([
      server.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), EXIT_LIMIT_MS)),
    ]);
    expect(code, server.stderr()).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(EXIT_LIMIT_MS);
    expect(server.stderr()).toContain('SIGTERM received');
  });

  it('exits although clients hung up while their analyses were still being saved', async () => {
    // Fastify's close() waits for connections, not for handlers: an analysis whose client has gone keeps running,
    // and its queries after the pool closed once kept the stopped process alive for good.
    const second = await startChildServer({ databaseUrl: database.url, modelDir: model.dir });
    try {
      const password = 'a long practitioner password';
      await createUser(db, { email: 'hakim@example.org', name: 'Hakim', role: 'practitioner', password });
      const session = await signInOverHttp(second.origin, 'hakim@example.org', password);
      const visits: string[] = [];
      for (let i = 0; i < HUNG_UP; i++) {
        const patient = await send(second.origin, 'POST', '/api/v1/patients', {
          headers: session,
          body: { name: `Patient ${i}`, age: 30 + i, sex: 'female' },
        });
        const visit = await send(
          second.origin,
          'POST',
          `/api/v1/patients/${(patient.json() as { id: string }).id}/encounters`,
          {
            headers: session,
            body: { complaint: 'throbbing headache on one side with nausea for two days, no fever' },
          },
        );
        visits.push((visit.json() as { id: string }).id);
      }
      const port = Number(new URL(second.origin).port);
      for (const id of visits) {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/encounters/${id}/analyse`,
          agent: false,
          headers: session,
        });
        req.on('error', () => undefined);
        req.end();
        setTimeout(() => req.destroy(), HANG_UP_AFTER_MS);
      }
      await new Promise((resolve) => setTimeout(resolve, HANG_UP_AFTER_MS * 2));
      second.process.kill('SIGTERM');
      const code = await Promise.race([
        second.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), EXIT_LIMIT_MS)),
      ]);
      expect(code, second.stderr()).toBe(0);
    } finally {
      await second.kill();
    }
  });
});
