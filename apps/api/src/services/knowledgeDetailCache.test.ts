import { describe, expect, it } from 'vitest';
import { cachedUntilKnowledgeChanges } from './knowledgeDetailCache.ts';

describe('knowledge detail cache', () => {
  it('loads a page once while the knowledge is unchanged, and again after it changes', async () => {
    let version = 'v1';
    const loads: string[] = [];
    const get = cachedUntilKnowledgeChanges(
      async () => version,
      async (code) => {
        loads.push(code);
        return `${code}@${version}`;
      },
    );
    expect(await get('zukam')).toBe('zukam@v1');
    expect(await get('zukam')).toBe('zukam@v1');
    version = 'v2';
    expect(await get('zukam')).toBe('zukam@v2');
    expect(loads).toEqual(['zukam', 'zukam']);
  });

  it('does not remember a failure', async () => {
    let fail = true;
    const get = cachedUntilKnowledgeChanges(
      async () => 'v1',
      async (code) => {
        if (fail) throw new Error('not found');
        return code;
      },
    );
    await expect(get('x')).rejects.toThrow('not found');
    fail = false;
    await expect(get('x')).resolves.toBe('x');
  });
});
