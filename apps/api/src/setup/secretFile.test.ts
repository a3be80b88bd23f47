import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretFromFile } from './secretFile.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdss-secret-'));
  dirs.push(dir);
  return join(dir, 'models');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a secret kept in a file', () => {
  it('is made once, readable by its owner only, and the same at every later start', () => {
    const dir = freshDir();
    const created: string[] = [];
    const first = secretFromFile(dir, 'k.key', (file) => created.push(file));
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created).toEqual([join(dir, 'k.key')]);
    expect(statSync(join(dir, 'k.key')).mode & 0o777).toBe(0o600);
    expect(secretFromFile(dir, 'k.key', (file) => created.push(file))).toBe(first);
    expect(created).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['k.key']);
  });

  it('is the one already written when another server made it first', () => {
    const dir = freshDir();
    secretFromFile(dir, 'other.key', () => {});
    writeFileSync(join(dir, 'k.key'), 'made-by-another-server\n');
    expect(secretFromFile(dir, 'k.key', () => {})).toBe('made-by-another-server');
    expect(readFileSync(join(dir, 'k.key'), 'utf8')).toBe('made-by-another-server\n');
  });

  it('is the same for servers that start at the same moment', async () => {
    const dir = freshDir();
    const module = join(import.meta.dirname, 'secretFile.ts');
    const script = `const { secretFromFile } = await import(${JSON.stringify(module)}); process.stdout.write(secretFromFile(${JSON.stringify(dir)}, 'k.key', () => {}));`;
    const starts = Array.from(
      { length: 4 },
      () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
        }),
    );
    const secrets = await Promise.all(starts);
    expect(new Set(secrets).size).toBe(1);
    expect(readFileSync(join(dir, 'k.key'), 'utf8').trim()).toBe(secrets[0]);
    expect(readdirSync(dir)).toEqual(['k.key']);
  });

  it('differs between files and between folders', () => {
    const dir = freshDir();
    const a = secretFromFile(dir, 'a.key', () => {});
    expect(secretFromFile(dir, 'b.key', () => {})).not.toBe(a);
    expect(secretFromFile(freshDir(), 'a.key', () => {})).not.toBe(a);
  });
});
