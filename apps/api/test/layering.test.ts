// The layering rules of biome.json, proved on deliberate violations: each file below is linted with the project's
// configuration at the path it names, in a scratch folder, and must fail for the rule that guards its lane.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const biome = join(root, 'node_modules/.bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'cdss-layering-'));
copyFileSync(join(root, 'biome.json'), join(scratch, 'biome.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(path: string, source: string): string {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), source);
  const run = spawnSync(biome, ['lint', '--vcs-enabled=false', path], { cwd: scratch, encoding: 'utf8' });
  rmSync(join(scratch, path));
  return `${run.stdout}${run.stderr}`;
}

describe('layering enforced by lint', () => {
  it.each([
    ['the engine reading files', 'packages/engine/src/probe.ts', "import { readFileSync } from 'node:fs';"],
    [
      'the engine using the knowledge package',
      'packages/engine/src/probe.ts',
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
      'apps/api/src/routes/x/probe.ts',
      "import { inTransaction } from '../../db/transactions.ts';",
    ],
  ])('refuses %s', (_, path, line) => {
    expect(lint(path, `${line}\nexport const probe = [${line.match(/\{ (\w+) \}/)?.[1]}];\n`)).toContain(
      'noRestrictedImports',
    );
  });

  it('accepts the same import where it belongs', () => {
    expect(
      lint('apps/api/src/routes/x/probe.ts', "import { analyse } from '@unani/engine';\nexport const p = [analyse];\n"),
    ).not.toContain('noRestrictedImports');
  });
});
