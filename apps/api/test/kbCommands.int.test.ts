import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyOfMinimalKnowledge, minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { repoRoot } from '../src/config/paths.ts';
import { cdssArgs } from './productionBundle.ts';

// The knowledge commands as an operator runs them: the compiled `cdss`, its JSON, exit codes and messages.
function cdss(args: string[]) {
  const result = spawnSync(process.execPath, cdssArgs(...args), {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const minimalCounts = {
  diseases: 2,
  symptoms: 9,
  singleDrugs: 3,
  formulations: 2,
  protocols: 2,
  redFlags: 3,
  sources: 2,
};

describe('cdss kb report', () => {
  it('prints one JSON object with counts, review entries and counts, citation levels, thin diseases, unused entries, the Urdu and the Unani layer', () => {
    const run = cdss(['kb', 'report', '--knowledge', minimalKnowledgeDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      counts: minimalCounts,
      review: [],
      reviewCounts: { disease: 0, protocol: 0, symptom: 0, 'single-drug': 0, formulation: 0, 'red-flag': 0 },
      citations: {
        entries: 5,
        atMonographLevel: 0,
        percent: 0,
        singleDrugs: { entries: 3, atMonographLevel: 0 },
        formulations: { entries: 2, atMonographLevel: 0 },
      },
      diseasesWithFewSymptoms: ['shaqeeqa', 'zukam'],
      unusedSymptoms: ['high-fever', 'neck-stiffness', 'unconsciousness'],
      unusedDrugs: [],
      urdu: {
        fieldsWithArabicForms: 0,
        withoutUrduName: { symptoms: 8, diseases: 1, singleDrugs: 3, formulations: 1 },
      },
      unani: {
        withTemperaments: { count: 1, percent: 50 },
        withHumours: { count: 0, percent: 0 },
        withNabzBaulBarazSigns: 0,
        mizajReview: [],
      },
    });
  });

  it('adds the formulary requests not yet in the knowledge base when the folder has a request list', () => {
    const kb = copyOfMinimalKnowledge();
    kb.write(
      'formulary-requests.txt',
      '# asked by protocols\nformulation itrifal-ustukhuddus Itrifal Ustukhuddus\nsingle-drug kasni Kasni\n',
    );
    const run = cdss(['kb', 'report', '--knowledge', kb.dir]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).unresolvedFormularyRequests).toEqual([
      { kind: 'single-drug', code: 'kasni', name: 'Kasni' },
    ]);
  });

  it('exits 1 with the loader’s message, without a stack, on an invalid knowledge base', () => {
    const kb = copyOfMinimalKnowledge();
    kb.edit('diseases/zukam.yaml', (text) => text.replace('symptom: fever', 'symptom: chills'));
    const run = cdss(['kb', 'report', '--knowledge', kb.dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'cdss: The knowledge base has 1 problem(s):\n  diseases/zukam.yaml › zukam: unknown symptom "chills"\n',
    );
  });
});

describe('cdss kb validate', () => {
  it('prints valid, the content hash and the counts', () => {
    const run = cdss(['kb', 'validate', '--knowledge', minimalKnowledgeDir]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: true,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      counts: minimalCounts,
    });
  });

  it('exits 1 naming a missing folder', () => {
    const run = cdss(['kb', 'validate', '--knowledge', '/no/such/knowledge']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/no/such/knowledge › -: knowledge directory not found');
  });
});
