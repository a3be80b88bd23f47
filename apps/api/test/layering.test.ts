// The layering rules of biome.json, proved on deliberate violations: each file below is written at the path it
// names in a scratch folder with the project's configuration, the folder is linted once, and each violation must
// be reported for the rule that guards its lane.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const biome = join(root, 'node_modules/.bin/biome');

const violations: [what: string, path: string, line: string][] = [
  ['the engine reading files', 'packages/engine/src/probeFs.ts', "import { readFileSync } from 'node:fs';"],
  [
    'the engine using the knowledge package',
    'packages/engine/src/probeKnowledge.ts',
    "import { loadKnowledgeDir } from '@unani/knowledge';",
  ],
  ['contracts using the engine', 'packages/contracts/src/probe.ts', "import { analyse } from '@unani/engine';"],
  ['the web app using the engine', 'apps/web/src/probe.ts', "import { analyse } from '@unani/engine';"],
  [
    'a service throwing HTTP errors',
    'apps/api/src/services/probe.ts',
    "import { HttpProblem } from '../plugins/errors.ts';",
  ],
  [
    'a route opening a transaction',
    'apps/api/src/routes/x/probeTransaction.ts',
    "import { inTransaction } from '../../db/transactions.ts';",
  ],
];
const allowed = { path: 'apps/api/src/routes/x/probeEngine.ts', line: "import { analyse } from '@unani/engine';" };

/** The rules biome reported, by file: its text output starts each diagnostic with "path:line:column rule". */
let rulesByFile = new Map<string, string[]>();
const scratch = mkdtempSync(join(tmpdir(), 'cdss-layering-'));

beforeAll(() => {
  copyFileSync(join(root, 'biome.json'), join(scratch, 'biome.json'));
  const probes = [...violations.map(([, path, line]) => ({ path, line })), allowed];
  for (const { path, line } of probes) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), `${line}\nexport const probe = [${line.match(/\{ (\w+) \}/)?.[1]}];\n`);
  }
  const run = spawnSync(
    biome,
    ['lint', '--vcs-enabled=false', '--max-diagnostics=none', ...probes.map((p) => p.path)],
    { cwd: scratch, encoding: 'utf8' },
  );
  rulesByFile = new Map();
  for (const [, file = '', rule = ''] of `${run.stdout}${run.stderr}`.matchAll(/^(\S+\.ts):\d+:\d+ (\S+)/gm)) {
    rulesByFile.set(file, [...(rulesByFile.get(file) ?? []), rule]);
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('layering enforced by lint', () => {
  it.each(violations)('refuses %s', (_, path) => {
    expect(rulesByFile.get(path)).toContain('lint/style/noRestrictedImports');
  });

  it('accepts the same import where it belongs', () => {
    expect(rulesByFile.get(allowed.path) ?? []).not.toContain('lint/style/noRestrictedImports');
  });
});
