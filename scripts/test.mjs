// `npm test`: install and build as `npm start` does, check formatting, lint and types, then run every
// test (unit, integration against a throwaway database, browser end-to-end) with vitest.
// The throwaway database `cdss_test_<random>` is created and migrated here and dropped at the end.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installAndBuild, pnpm, root } from './pnpm.mjs';

const serverUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/unani_cdss';
const testUrl = new URL(serverUrl);
testUrl.pathname = `/cdss_test_${randomBytes(6).toString('hex')}`;
// REDIS_URL is not passed on: servers under test keep credential changes in process, except in the test of
// propagation between replicas, which uses TEST_REDIS_URL (or the REDIS_URL given here, or Redis on 127.0.0.1:6379).
const { REDIS_URL: redisUrl, ...inherited } = process.env;
const env = {
  ...inherited,
  ...(redisUrl && !inherited.TEST_REDIS_URL ? { TEST_REDIS_URL: redisUrl } : {}),
  DATABASE_URL: testUrl.toString(),
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
};
const cli = (args) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/main.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

/** One plain closing line, `N passed, N failed, N skipped`, that any CI can read. */
function printSummary(reportFile) {
  try {
    const r = JSON.parse(readFileSync(reportFile, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    process.stdout.write(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped\n`);
    rmSync(reportFile, { force: true });
  } catch {
    // No report: vitest failed before running; its own output says why.
  }
}

installAndBuild();
pnpm(['exec', 'biome', 'check', '.']);
pnpm(['run', '--silent', 'typecheck']);

if (cli(['db', 'migrate']).status !== 0) process.exit(1);
let status = 1;
try {
  const vitest = join(root, 'node_modules/.bin/vitest');
  const report = join(tmpdir(), `cdss-vitest-${process.pid}.json`);
  const tests = spawnSync(
    vitest,
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
    { cwd: root, env, stdio: 'inherit' },
  );
  status = tests.status ?? 1;
  printSummary(report);
} finally {
  cli(['db', 'drop-test']);
}
process.exit(status);
