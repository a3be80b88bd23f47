import { describe, expect, it } from 'vitest';
import { frequencyRanking, keywordFindings } from './baseline.ts';
import { createKnowledge, findings } from './testing/knowledgeFixture.ts';

const knowledge = createKnowledge();

describe('keyword + frequency baseline', () => {
  it('finds multi-word terms as whole words, ignoring case', () => {
    expect(keywordFindings('Runny NASAL DISCHARGE and body ache; feverish', knowledge).map((f) => f.symptom)).toEqual([
      'nasal-discharge',
      'body-ache',
    ]);
  });

  it('ranks diseases by the number of present findings they list, then by likelihood', () => {
    expect(frequencyRanking(findings('nasal-discharge', 'sneezing', '-fever'), knowledge).slice(0, 2)).toEqual([
      'zukam',
      'nazla',
    ]);
  });
});
