import { describe, expect, it } from 'vitest';
import { parse } from './parse.ts';
import { symptomLexicon } from './testing/symptomKnowledge.ts';

function severities(text: string): Record<string, string | undefined> {
  return Object.fromEntries(parse(text, symptomLexicon()).map((f) => [f.symptom, f.severity]));
}

describe('severities', () => {
  it.each([
    ['mild headache', 'mild'],
    ['slight headache', 'mild'],
    ['halka sar dard', 'mild'],
    ['moderate headache', 'moderate'],
    ['severe headache', 'severe'],
    ['very bad headache', 'severe'],
    ['terrible headache', 'severe'],
    ['intense headache', 'severe'],
    ['bahut sar dard', 'severe'],
    ['bohot sar dard', 'severe'],
    ['sar dard zyada', 'severe'],
    ['headache, severe', 'severe'],
    ['thode sar dard', 'mild'],
    ['sar mein thoda dard', 'mild'],
  ])('reads "%s" as %s', (text, severity) => {
    expect(severities(text)).toEqual({ headache: severity });
  });

  it('gives each symptom the nearest severity in its clause', () => {
    expect(severities('mild headache and severe cough')).toEqual({ headache: 'mild', cough: 'severe' });
  });

  it('applies to every symptom of a clause with one severity', () => {
    expect(severities('severe headache and fever')).toEqual({ headache: 'severe', fever: 'severe' });
  });

  it('ignores a negated severity word', () => {
    expect(severities('headache, not severe')).toEqual({ headache: undefined });
  });

  it('is not given to a negated symptom', () => {
    expect(severities('severe headache, no fever')).toEqual({ headache: 'severe', fever: undefined });
  });
});
