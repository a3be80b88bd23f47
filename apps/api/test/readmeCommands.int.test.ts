// The README's commands run as written against the product as `npm start` runs it (the compiled bundle, `cdss serve`
// in production mode, migrating an empty database itself): creating the practitioner account, then the visit
// walk-through with curl and jq (sign in, patient, visit, analysis, diagnosis, plan, share, the patient's note). Only
// the server's address is changed. A README edit that breaks a command fails here.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config/paths.ts';
import { type ChildServer, startChildServer, temporaryModelDir } from './faults/childServer.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

const run = promisify(execFile);
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The first ```sh block after `marker` in the README. */
function shBlockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block?.[1]) throw new Error(`README has no sh block after "${marker}"`);
  return block[1];
}

let database: TestDatabase;
let server: ChildServer | undefined;
const model = temporaryModelDir();
let url: string;
let work: string;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startChildServer({ databaseUrl: database.url, modelDir: model.dir });
  url = server.origin;
  work = mkdtempSync(join(tmpdir(), 'cdss-readme-'));
}, 180_000);
afterAll(async () => {
  await server?.kill();
  await database?.drop();
  model.remove();
  rmSync(work, { recursive: true, force: true });
});

const bash = (script: string, env: Record<string, string> = {}) =>
  run('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: work,
    env: { ...process.env, ...env },
    timeout: 60_000,
    maxBuffer: 10_000_000,
  });

describe('the README, as written', () => {
  it('creates the practitioner of the Accounts section, then walks a visit from sign-in to the shared note', async () => {
    const account = shBlockAfter('## Accounts');
    expect(account).toMatch(/user add --email hakim@example\.org/);
    // `npm run` from the repository, against the server's database.
    await bash(`cd ${JSON.stringify(repoRoot)} && ${account}`, { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });

    const walk = shBlockAfter('A visit from start to finish with curl');
    expect(walk).toMatch(/^B=http:\/\/localhost:3000$/m);
    const { stdout } = await bash(walk.replace(/^B=http:\/\/localhost:3000$/m, `B=${url}`));
    // The analysis printed its triage and differential; the last answer is the note the patient opens.
    expect(stdout).toMatch(/"level": "(emergency|urgent|consult|selfcare)"/);
    expect(stdout).toMatch(/"code": "shaqeeqa"/);
    // `jq .` prints the note last, pretty, starting with its "language" field (the answers before it are compact).
    const note = JSON.parse(stdout.slice(stdout.lastIndexOf('{\n  "language"')));
    expect(JSON.stringify(note)).toMatch(/Itrifal Ustukhuddus/);
    expect(JSON.stringify(note)).toMatch(/In two weeks/);
  }, 120_000);
});
