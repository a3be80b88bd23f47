// `pnpm bench:api`: throughput and latency of the API's hot paths against a production-like server
// (NODE_ENV=production, the real knowledge base and its trained model, a throwaway database), each
// as a ratio to a trivial route measured in the same run at the same number of connections; then diagnose latency
// while the worker trains, the server's memory, and how long `npm start` takes to be ready, twice. Prints one JSON
// object with the targets as booleans; asserts nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { loadKnowledgeDir } from '@unani/knowledge';
import autocannon from 'autocannon';
import { defaultKnowledgeDir, repoRoot } from '../src/config/paths.ts';
import { createDatabaseIfMissing, dropDatabase } from '../src/db/adminConnection.ts';
import { parseDatabaseUrl, withDatabase } from '../src/db/databaseUrl.ts';
import { createPrisma } from '../src/db/prisma.ts';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { enqueueTraining } from '../src/services/trainingJobService.ts';
import { createUser } from '../src/services/userService.ts';
import {
  type ChildServer,
  freePort,
  send,
  signInOverHttp,
  startChildServer,
  temporaryModelDir,
} from '../test/faults/childServer.ts';
import { cdssArgs } from '../test/productionBundle.ts';

/** Clients at once: a busy clinic's worth, and the few of one practitioner's tabs. */
const CONNECTIONS = 32;
const FEW_CONNECTIONS = 4;
const TRIVIAL = 'GET /health/live (trivial route)';
const WARM_UP_SECONDS = 3;
const MEASURE_SECONDS = 20;
/** Visits analysed in turn: more than the connections, so that two requests rarely wait for one visit's lock. */
const VISITS = 64;
/** Diagnose latency is compared idle and while the worker trains, this long each. */
const RETRAIN_MEASURE_SECONDS = 10;
/** The worker claims a queued job within its poll interval; training on the full knowledge takes half a minute. */
const JOB_START_LIMIT_MS = 30_000;
/** Training the model on the full knowledge base takes a while on first start. */
const READY_LIMIT_MS = 10 * 60 * 1000;
const PASSWORD = 'a long benchmark password';

/** Realistic complaints, in the words practitioners type: lay English, some Unani terms, negations, durations. */
const COMPLAINTS = [
  'headache on one side with nausea and sensitivity to light since yesterday',
  'fever with chills and body ache for 3 days, no cough',
  'dry cough for two weeks, worse at night, mild fever in the evening',
  'burning in the stomach after meals, sour belching and heartburn',
  'loose motions 6 times a day since 2 days with cramping abdominal pain, no blood',
  'sneezing, runny nose and watery eyes every morning',
  'joint pain and swelling in both hands with morning stiffness for months',
  'pain in the big toe, red and hot, started at night',
  'lower back pain radiating to the left leg, worse on bending',
  'constipation with hard stools and straining, bloating',
  'difficulty falling asleep and waking at night, feeling anxious',
  'itching all over the body with red raised patches',
  'painful periods with heavy bleeding, tiredness',
  'irregular periods and weight gain, acne on face',
  'burning urination with frequent urge, lower abdominal pain',
  'yellow eyes and yellow skin, loss of appetite, dark urine',
  'breathlessness and wheezing at night, chest tightness',
  'sore throat and difficulty swallowing with fever',
  'pain in the right upper abdomen after fatty food, nausea',
  'dizziness and spinning sensation when turning the head',
  'white patches on the skin slowly spreading, no itching',
  'hair fall and dandruff with itchy scalp',
  'swelling of both feet in the evening, breathless on climbing stairs',
  'palpitations and chest pain on exertion',
  'earache with discharge from the ear for a week',
  'red eyes with sticky discharge and itching',
  'toothache and bleeding gums, bad breath',
  'weakness and pallor, tiredness, spoon shaped nails',
  'bleeding piles with pain during stool',
  'high fever with severe headache, neck stiffness and vomiting',
];

type Scenario = {
  name: string;
  requests: autocannon.Request[];
  headers?: Record<string, string>;
  /** CONNECTIONS unless named; the ratio is to the trivial route at the same count. */
  connections?: number;
};

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : null;
}

/** Counts the server's warning and error log lines by message and status, to explain any non-2xx. */
function warningsOf(stderr: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; err?: { code?: string; message?: string } };
    const key = [entry.msg, entry.err?.code, entry.err?.message?.split('\n').at(-1)?.slice(0, 160)]
      .filter(Boolean)
      .join(' | ');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function measure(origin: string, scenario: Scenario, seconds: number) {
  const result = await autocannon({
    url: origin,
    connections: scenario.connections ?? CONNECTIONS,
    duration: seconds,
    headers: scenario.headers,
    requests: scenario.requests,
  });
  const non2xx = result.non2xx;
  return {
    connections: scenario.connections ?? CONNECTIONS,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, v.count ?? 0]),
    ),
  };
}

async function prepareClinic(server: ChildServer, databaseUrl: string) {
  const db = createPrisma(parseDatabaseUrl(databaseUrl), 2);
  try {
    const user = await createUser(db, {
      email: 'bench@example.org',
      name: 'Hakim Bench',
      role: 'practitioner',
      password: PASSWORD,
    });
    const researcher = await createUser(db, {
      email: 'integrator@example.org',
      name: 'Integrator',
      role: 'researcher',
      password: PASSWORD,
    });
    const key = await createApiKey(db, researcher.id, 'bench', ['engine:use']);
    const session = await signInOverHttp(server.origin, user.email, PASSWORD);
    const encounterIds: string[] = [];
    for (let i = 0; i < VISITS; i++) {
      const complaint = COMPLAINTS[i % COMPLAINTS.length];
      const patient = await send(server.origin, 'POST', '/api/v1/patients', {
        headers: session,
        body: { name: `Bench patient ${i}`, age: 20 + (i % 60), sex: i % 2 ? 'female' : 'male' },
      });
      const { id } = patient.json() as { id: string };
      const visit = await send(server.origin, 'POST', `/api/v1/patients/${id}/encounters`, {
        headers: session,
        body: { complaint },
      });
      if (visit.status !== 201) throw new Error(`could not start a visit: ${visit.status} ${visit.text}`);
      encounterIds.push((visit.json() as { id: string }).id);
    }
    return { session, apiKey: key.key, encounterIds };
  } finally {
    await db.$disconnect();
  }
}

/** Resolves once `check` answers true, polling; rejects after `limitMs`. */
async function until(what: string, check: () => Promise<boolean>, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${what} did not happen within ${limitMs / 1000} s`);
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve() : new Promise<void>((done) => child.once('exit', () => done()));

/**
 * Diagnose latency idle, then while `cdss worker` trains a model queued as the admin's retrain queues it (the
 * server and the worker share the machine's two cores, as `npm start` runs them).
 */
async function diagnoseDuringRetrain(server: ChildServer, scenario: Scenario, databaseUrl: string, modelDir: string) {
  const idle = await measure(server.origin, scenario, RETRAIN_MEASURE_SECONDS);
  const worker = spawn(process.execPath, cdssArgs('worker'), {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MODEL_DIR: modelDir,
      KNOWLEDGE_DIR: defaultKnowledgeDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const db = createPrisma(parseDatabaseUrl(databaseUrl), 2);
  try {
    const job = await enqueueTraining(db, null);
    const statusOf = async () =>
      (await db.trainingJob.findUnique({ where: { id: job.id }, select: { status: true } }))?.status;
    await until('the worker to start the job', async () => (await statusOf()) === 'running', JOB_START_LIMIT_MS);
    const during = await measure(server.origin, scenario, RETRAIN_MEASURE_SECONDS);
    const jobStatusAfter = await statusOf();
    return {
      idle,
      during,
      // Only a measurement made while the job still ran counts.
      jobStillRunning: jobStatusAfter === 'running',
      p99DuringToIdle: Math.round((during.latencyMs.p99 / Math.max(idle.latencyMs.p99, 1)) * 100) / 100,
    };
  } finally {
    worker.kill('SIGTERM');
    await exitOf(worker);
    await db.$disconnect();
  }
}

/**
 * `npm start` twice on the bench's database and model folder: the time from the command to /health/ready. The
 * first may build (when the sources changed since the last build); the second finds nothing changed.
 */
async function npmStartTimes(databaseUrl: string, modelDir: string) {
  const times: number[] = [];
  for (let run = 0; run < 2; run++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const started = performance.now();
    // Its own process group, so that npm, start.mjs, the server and the worker stop together.
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: repoRoot,
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        MODEL_DIR: modelDir,
        KNOWLEDGE_DIR: defaultKnowledgeDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: origin,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await until(
        'npm start to be ready',
        async () => (await fetch(`${origin}/health/ready`).catch(() => undefined))?.status === 200,
        READY_LIMIT_MS,
      );
      times.push(Math.round(performance.now() - started));
    } finally {
      if (npm.pid) process.kill(-npm.pid, 'SIGINT');
      await exitOf(npm);
    }
  }
  return { firstMs: times[0], secondMs: times[1] };
}

async function main() {
  const serverUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/unani_cdss';
  const databaseUrl = withDatabase(serverUrl, `cdss_bench_${randomBytes(6).toString('hex')}`);
  const target = parseDatabaseUrl(databaseUrl);
  const model = temporaryModelDir();
  let server: ChildServer | undefined;
  await createDatabaseIfMissing(target);
  try {
    const trainingStarted = performance.now();
    server = await startChildServer({
      databaseUrl,
      modelDir: model.dir,
      knowledgeDir: defaultKnowledgeDir,
      readyLimitMs: READY_LIMIT_MS,
    });
    const startupSeconds = Math.round((performance.now() - trainingStarted) / 1000);
    // Idle: ready, a moment to settle, no request served yet.
    await new Promise((done) => setTimeout(done, 2_000));
    const rssIdleMb = rssMb(server.process.pid);
    const { session, apiKey, encounterIds } = await prepareClinic(server, databaseUrl);
    const diseaseCodes = loadKnowledgeDir(defaultKnowledgeDir).diseases.map((d) => d.code);
    const json = { 'content-type': 'application/json' };
    const bearer = { ...json, authorization: `Bearer ${apiKey}` };

    const diagnoseRequests = COMPLAINTS.map((text, i) => ({
      method: 'POST' as const,
      path: '/api/v1/diagnose',
      body: JSON.stringify({ text, context: { ageYears: 20 + i, sex: i % 2 ? 'female' : 'male' } }),
    }));
    const trivialRoute = [{ method: 'GET' as const, path: '/health/live' }];

    // The baselines come first and are always measured: every ratio divides by the one at its connection count.
    const baselines: Scenario[] = [
      { name: TRIVIAL, requests: trivialRoute },
      { name: `${TRIVIAL}, ${FEW_CONNECTIONS} connections`, requests: trivialRoute, connections: FEW_CONNECTIONS },
    ];
    const scenarios: Scenario[] = [
      { name: 'POST /api/v1/diagnose', headers: bearer, requests: diagnoseRequests },
      {
        name: `POST /api/v1/diagnose (session), ${FEW_CONNECTIONS} connections`,
        headers: { ...json, ...session },
        requests: diagnoseRequests,
        connections: FEW_CONNECTIONS,
      },
      { name: 'POST /api/v1/diagnose (session)', headers: { ...json, ...session }, requests: diagnoseRequests },
      {
        name: 'POST /api/v1/parse',
        headers: bearer,
        requests: COMPLAINTS.map((text) => ({ method: 'POST', path: '/api/v1/parse', body: JSON.stringify({ text }) })),
      },
      {
        name: 'GET /api/v1/diseases/:code',
        requests: diseaseCodes.map((code) => ({ method: 'GET', path: `/api/v1/diseases/${code}` })),
      },
      {
        name: `POST /api/v1/encounters/:id/analyse (${VISITS} different visits, session)`,
        headers: session,
        requests: encounterIds.map((id) => ({ method: 'POST', path: `/api/v1/encounters/${id}/analyse` })),
      },
    ];

    // `pnpm bench:api analyse` measures only the scenarios whose names contain the word (and the baselines);
    // `retrain` and `start` run only the retrain latency or the npm start timing.
    const only = process.argv[2];
    const chosen = [...baselines, ...(only ? scenarios.filter((sc) => sc.name.includes(only)) : scenarios)];
    const rssBeforeLoadMb = rssMb(server.process.pid);
    const results: Record<string, Awaited<ReturnType<typeof measure>> & { ratioToTrivial?: number }> = {};
    for (const scenario of chosen) {
      await measure(server.origin, scenario, WARM_UP_SECONDS);
      results[scenario.name] = await measure(server.origin, scenario, MEASURE_SECONDS);
    }
    const baselineAt = new Map(baselines.map((b) => [b.connections ?? CONNECTIONS, b.name]));
    const trivialAt = (connections: number) => results[baselineAt.get(connections) ?? '']?.requestsPerSecond ?? 1;
    for (const r of Object.values(results))
      r.ratioToTrivial = Math.round((r.requestsPerSecond / trivialAt(r.connections)) * 100) / 100;
    const rssAfterMb = rssMb(server.process.pid);
    const sessionDiagnose = scenarios.find((sc) => sc.name.startsWith('POST /api/v1/diagnose (session), '));
    const retrain =
      (!only || only === 'retrain') && sessionDiagnose
        ? await diagnoseDuringRetrain(server, sessionDiagnose, databaseUrl, model.dir)
        : undefined;
    await server.kill();
    const npmStart = !only || only === 'start' ? await npmStartTimes(databaseUrl, model.dir) : undefined;

    const report = {
      benchmark: 'api-load',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
      },
      server: {
        nodeEnv: 'production',
        knowledge: 'data/knowledge',
        diseases: diseaseCodes.length,
        startupWithTrainingSeconds: startupSeconds,
      },
      load: {
        connections: [CONNECTIONS, FEW_CONNECTIONS],
        warmUpSeconds: WARM_UP_SECONDS,
        seconds: MEASURE_SECONDS,
        tool: 'autocannon',
      },
      scenarios: results,
      memory: { rssIdleMb, rssBeforeLoadMb, rssAfterMb },
      diagnoseDuringRetrain: retrain,
      npmStart,
      serverWarnings: warningsOf(server.stderr()),
      targets: {
        sessionDiagnoseAtLeast40PercentOfTrivial: [CONNECTIONS, FEW_CONNECTIONS].every(
          (n) =>
            (Object.entries(results).find(([name, r]) => name.includes('(session)') && r.connections === n)?.[1]
              .ratioToTrivial ?? 0) >= 0.4,
        ),
        analysesOfDifferentVisitsAtLeast1000PerSecond:
          (Object.entries(results).find(([name]) => name.includes('/analyse'))?.[1].requestsPerSecond ?? 0) >= 1000,
        rssIdleAtMost250Mb: (rssIdleMb ?? Infinity) <= 250,
        rssAfterLoadAtMost350Mb: (rssAfterMb ?? Infinity) <= 350,
        secondNpmStartAtMost3Seconds: npmStart ? (npmStart.secondMs ?? Infinity) <= 3000 : undefined,
        diagnoseP99DuringRetrainAtMostTwiceIdle: retrain
          ? retrain.jobStillRunning && retrain.p99DuringToIdle <= 2
          : undefined,
        noErrors: Object.values(results).every((r) => r.errors === 0 && r.non2xx === 0),
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await server?.kill();
    await dropDatabase(target);
    model.remove();
  }
}

await main();
