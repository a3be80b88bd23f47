import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module (it runs before dependencies are installed).
import { buildInputsDigest } from './pnpm.mjs';

let base = '';
afterEach(() => rmSync(base, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
}

describe('build inputs digest (a restart with nothing changed skips the build)', () => {
  it('changes with a source, the schema, the lockfile or the knowledge, and with nothing the build does not read', () => {
    base = mkdtempSync(join(tmpdir(), 'cdss-build-'));
    write('apps/api/src/main.ts', 'one');
    write('prisma/schema.prisma', 'model A {}');
    write('pnpm-lock.yaml', 'lock: 1');
    const first = buildInputsDigest(base);
    expect(buildInputsDigest(base)).toBe(first);

    // Outputs, installed packages and other data are not inputs.
    write('apps/api/dist/cli.js', 'built');
    write('apps/web/node_modules/x/index.js', 'installed');
    write('apps/api/src/generated/prisma/client.ts', 'generated');
    write('data/evaluation/cases.csv', 'id,text');
    write('scripts/start.mjs', 'starts');
    expect(buildInputsDigest(base)).toBe(first);

    write('apps/api/src/main.ts', 'two');
    const second = buildInputsDigest(base);
    expect(second).not.toBe(first);
    write('prisma/schema.prisma', 'model B {}');
    expect(buildInputsDigest(base)).not.toBe(second);
    const third = buildInputsDigest(base);
    write('pnpm-lock.yaml', 'lock: 2');
    expect(buildInputsDigest(base)).not.toBe(third);
    // The build saves the parsed knowledge base: an edit to it builds again.
    const fourth = buildInputsDigest(base);
    write('data/knowledge/diseases/a.yaml', 'code: a');
    expect(buildInputsDigest(base)).not.toBe(fourth);
  });

  it('tells a renamed file from its old name', () => {
    base = mkdtempSync(join(tmpdir(), 'cdss-build-'));
    write('packages/engine/src/a.ts', 'same');
    const before = buildInputsDigest(base);
    rmSync(join(base, 'packages/engine/src/a.ts'));
    write('packages/engine/src/b.ts', 'same');
    expect(buildInputsDigest(base)).not.toBe(before);
  });
});
