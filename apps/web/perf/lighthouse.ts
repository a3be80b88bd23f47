// Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) on the pages people open
// without an account: sign-in and a patient's note in English and in Urdu. Starts the built product on a
// throwaway database, prepares a visit with a plan and both notes, runs Lighthouse three times per page
// and prints the medians as JSON. Not part of `npm test`: it takes minutes and fetches Lighthouse itself
// from the npm registry (`pnpm dlx`). Run it with `pnpm lighthouse` after `pnpm build`.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createTestUser, TEST_PASSWORD } from '../../api/test/factories.ts';
import { chromiumPath } from '../e2e/browser.ts';
import { startProduct } from '../e2e/productServer.ts';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');

interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  fcpMs: number;
  cls: number;
  tbtMs: number;
}

async function prepareNotes(url: string, db: Parameters<typeof createTestUser>[0]) {
  const user = await createTestUser(db, 'practitioner', 'Hakim Lighthouse');
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const patient = await send<{ id: string }>('/api/v1/patients', { name: 'Bilal Ahmed', age: 41, sex: 'male' });
  const visit = await send<{ id: string }>(`/api/v1/patients/${patient.id}/encounters`, {
    complaint: 'headache with nausea, light hurts the eyes',
  });
  await send(`/api/v1/encounters/${visit.id}/diagnosis`, { diseaseCode: 'shaqeeqa' });
  await send(`/api/v1/encounters/${visit.id}/plan`, {
    items: [
      { kind: 'dawa', formulationCode: 'itrifal-ustukhuddus', dose: '5 g at bedtime', duration: '4 weeks' },
      { kind: 'ghiza', text: 'Light, easily digestible food' },
      { kind: 'ghiza', text: 'Fried and spicy food', avoid: true },
      { kind: 'tadbeer', text: 'Rest in a dark, quiet room' },
    ],
    advice: 'Sleep at regular hours and drink enough water through the day.',
    followUp: 'After two weeks',
  });
  const en = await send<{ url: string }>(`/api/v1/encounters/${visit.id}/notes`, { language: 'en' });
  const ur = await send<{ url: string }>(`/api/v1/encounters/${visit.id}/notes`, { language: 'ur' });
  return { en: new URL(en.url).pathname, ur: new URL(ur.url).pathname };
}

/** Runs Lighthouse in a child process without blocking this one, which serves the pages being measured. */
function runLighthouse(url: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    'pnpm',
    [
      'dlx',
      LIGHTHOUSE,
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** Where to keep each full report for a closer look (`LIGHTHOUSE_REPORTS=/tmp/lh pnpm lighthouse`). */
const reportsDir = process.env.LIGHTHOUSE_REPORTS;
let reportCount = 0;

async function lighthouse(url: string): Promise<Run> {
  const result = await runLighthouse(url);
  const start = result.stdout.indexOf('{');
  if (result.status !== 0 || start < 0) throw new Error(`Lighthouse failed on ${url}: ${result.stderr}`);
  const json = result.stdout.slice(start).replace(/\}[^}]*$/, '}');
  if (reportsDir) writeFileSync(`${reportsDir}/report-${++reportCount}.json`, json);
  const report = JSON.parse(json);
  const audit = (id: string) => report.audits[id]?.numericValue as number;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    bestPractices: Math.round(report.categories['best-practices'].score * 100),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    fcpMs: Math.round(audit('first-contentful-paint')),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    tbtMs: Math.round(audit('total-blocking-time')),
  };
}

function median(runs: Run[]): Run {
  const pick = (key: keyof Run) => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcpMs: pick('lcpMs'),
    fcpMs: pick('fcpMs'),
    cls: pick('cls'),
    tbtMs: pick('tbtMs'),
  };
}

if (!chromiumPath) throw new Error('Lighthouse needs Chromium: apt-get install chromium');
const product = await startProduct();
try {
  const notes = await prepareNotes(product.url, product.db);
  const pages = { 'sign-in': '/sign-in', 'note (English)': notes.en, 'note (Urdu)': notes.ur };
  const results: Record<string, Run & { runs: number }> = {};
  for (const [name, path] of Object.entries(pages)) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(`${product.url}${path}`));
    results[name] = { ...median(runs), runs: RUNS };
    process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`);
  }
  process.stdout.write(`${JSON.stringify({ lighthouse: LIGHTHOUSE, preset: 'mobile', results }, null, 2)}\n`);
} finally {
  await product.close();
}
