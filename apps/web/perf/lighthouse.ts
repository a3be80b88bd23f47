// Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) on the pages people open
// without an account: sign-in and a patient's note in English and in Urdu. Starts the built product on a
// throwaway database, prepares a visit with a plan and both notes, runs Lighthouse three times per page
// and prints the medians as JSON. Not part of `npm test`: it takes minutes and fetches Lighthouse itself
// from the npm registry (`pnpm dlx`). Run it with `pnpm lighthouse` after `pnpm build`.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'playwright-core';
import { createTestUser, TEST_PASSWORD } from '../../api/test/factories.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.ts';
import { startProduct } from '../e2e/productServer.ts';
import { createPlannedVisit, sendWith, shareNote } from '../e2e/sharedVisit.ts';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS].join(' ');

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
  const api = await request.newContext();
  try {
    const login = await api.post(`${url}/api/v1/auth/login`, { data: { email: user.email, password: TEST_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const send = sendWith(api, url, csrfToken);
    const { visitId } = await createPlannedVisit(send);
    const en = await shareNote(send, visitId, 'en');
    const ur = await shareNote(send, visitId, 'ur');
    // Path and query: an Urdu link carries ?lang=ur, which makes the page preload the Nastaliq font.
    const pathOf = (link: string) => `${new URL(link).pathname}${new URL(link).search}`;
    return { en: pathOf(en.url), ur: pathOf(ur.url) };
  } finally {
    await api.dispose();
  }
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

/** Lighthouse sometimes fails to record a trace ("NO_NAVSTART") and says to run it again. */
const ATTEMPTS = 3;

/** Lighthouse's JSON report of `url`, run again when a run fails. */
async function reportOf(url: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const result = await runLighthouse(url);
    const start = result.stdout.indexOf('{');
    if (result.status === 0 && start >= 0) return result.stdout.slice(start);
    if (attempt === ATTEMPTS) throw new Error(`Lighthouse failed on ${url}: ${result.stderr}`);
    process.stderr.write(`Lighthouse failed on ${url} (attempt ${attempt}); running it again.\n`);
  }
}

async function lighthouse(url: string): Promise<Run> {
  const json = (await reportOf(url)).replace(/\}[^}]*$/, '}');
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
