import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir } from '@unani/knowledge';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOfMinimalKnowledge } from '../../../../packages/knowledge/test/knowledgeFixture.ts';
import { loadKnowledge, snapshotFileOf, writeKnowledgeSnapshot } from './knowledgeSnapshot.ts';

/** A stand-in for the compiled bundle: the snapshot is tied to its bytes. */
function fakeBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'cdss-bundle-'));
  const bundle = join(dir, 'cli.js');
  writeFileSync(bundle, '// bundle one\n');
  return { dir, bundle };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const kb = copyOfMinimalKnowledge();
  const { dir, bundle } = fakeBundle();
  made.push(kb.dir, dir);
  return { kb, bundle };
}

describe('knowledge snapshot', () => {
  it('gives the knowledge the files give, without parsing them again', () => {
    const { kb, bundle } = setUp();
    expect(writeKnowledgeSnapshot(kb.dir, bundle)).toEqual({ written: true });
    expect(loadKnowledge(kb.dir, bundle)).toEqual(loadKnowledgeDir(kb.dir));
    // Proof that the snapshot answered: it still holds a name the files no longer have once the snapshot is
    // doctored; the files' digest is unchanged, so only the snapshot can be the source.
    const file = snapshotFileOf(bundle);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.knowledge.diseases[0].name = 'From the snapshot';
    writeFileSync(file, JSON.stringify(saved));
    expect(loadKnowledge(kb.dir, bundle).diseases[0]?.name).toBe('From the snapshot');
  });

  it('is ignored once a knowledge file changes', () => {
    const { kb, bundle } = setUp();
    writeKnowledgeSnapshot(kb.dir, bundle);
    kb.edit('diseases/shaqeeqa.yaml', (text) => text.replace('name: Shaqeeqa', 'name: Renamed in the files'));
    const shaqeeqa = loadKnowledge(kb.dir, bundle).diseases.find((d) => d.code === 'shaqeeqa');
    expect(shaqeeqa?.name).toBe('Renamed in the files');
  });

  it('is ignored by another bundle, and when it cannot be read', () => {
    const { kb, bundle } = setUp();
    writeKnowledgeSnapshot(kb.dir, bundle);
    const file = snapshotFileOf(bundle);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.knowledge.diseases[0].name = 'Stale';
    writeFileSync(file, JSON.stringify(saved));
    writeFileSync(bundle, '// bundle two\n');
    expect(loadKnowledge(kb.dir, bundle)).toEqual(loadKnowledgeDir(kb.dir));
    writeFileSync(file, '{"half-written');
    expect(loadKnowledge(kb.dir, bundle)).toEqual(loadKnowledgeDir(kb.dir));
  });

  it('is not written for an invalid knowledge base, and source code never uses one', () => {
    const { kb, bundle } = setUp();
    kb.write('diseases/broken.yaml', '- code: [unclosed');
    const result = writeKnowledgeSnapshot(kb.dir, bundle);
    expect(result.written).toBe(false);
    expect(result.reason).toMatch(/cannot be parsed/);
    expect(existsSync(snapshotFileOf(bundle))).toBe(false);
    // Run from TypeScript (not the bundle), there is no bundle to tie a snapshot to.
    expect(writeKnowledgeSnapshot(kb.dir)).toEqual({
      written: false,
      reason: 'only the compiled bundle writes a snapshot',
    });
  });
});
