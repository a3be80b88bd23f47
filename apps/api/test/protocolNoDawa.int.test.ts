// A protocol that gives no medicine says why, and the API passes the reason on with the protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfMinimalKnowledge } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { createTestServer } from './testServer.ts';

const REASON = 'Refer to a surgeon first; no medicine is given before the surgical opinion.';

let s: Awaited<ReturnType<typeof createTestServer>>;
beforeAll(async () => {
  // Zukam's protocol with its one medicine taken out and the reason given instead.
  const kb = copyOfMinimalKnowledge();
  kb.edit('diseases/zukam.yaml', (text) =>
    text
      .replace(/ {4}- \{ kind: dawa,[^\n]*\n/, '')
      .replace('  principles: [Nuzj-e-Madda]\n', `$&  noDawa: ${REASON}\n`),
  );
  s = await createTestServer({ knowledge: true, knowledgeDir: kb.dir });
});
afterAll(async () => {
  await s.close();
});

const protocolOf = async (code: string) =>
  (await s.app.inject({ method: 'GET', url: `/api/v1/diseases/${code}` })).json().protocol;

describe('a protocol without medicine', () => {
  it('carries the reason it gives none, and no dawa item', async () => {
    const zukam = await protocolOf('zukam');
    expect(zukam.noDawa).toBe(REASON);
    expect(zukam.items.map((i: { kind: string }) => i.kind)).toEqual(['advice']);
  });

  it('is null for a protocol that gives medicine', async () => {
    const shaqeeqa = await protocolOf('shaqeeqa');
    expect(shaqeeqa.noDawa).toBeNull();
    expect(shaqeeqa.items.some((i: { kind: string }) => i.kind === 'dawa')).toBe(true);
  });
});
