// The Mizaj questionnaire lives in the contracts (the web form loads it) but is knowledge: its Urdu meets the same
// standard as the knowledge base's, and every question names the sources its answers' leans come from.
import { mizajQuestionnaireSources, mizajQuestions } from '@unani/contracts';
import { describe, expect, it } from 'vitest';
import { describeArabicForms, urduFieldProblems } from './urduOrthography.ts';

const URDU_SCRIPT = /^[\u0600-\u06FF\s\u200c:()]+$/;

describe('the Mizaj questionnaire', () => {
  it('writes Urdu with Urdu letter forms, nowhere Arabic ones', () => {
    const problems = urduFieldProblems(mizajQuestions).map((p) => `${p.field}: ${describeArabicForms(p.found)}`);
    expect(problems).toEqual([]);
  });

  it('has Urdu wording in Urdu script for every question, answer and determinant', () => {
    const urdu = mizajQuestions.flatMap((q) => [q.ur, q.determinant.ur, ...q.answers.map((a) => a.ur)]);
    expect(urdu.filter((text) => !URDU_SCRIPT.test(text))).toEqual([]);
  });

  it('cites for every question a source it names', () => {
    for (const q of mizajQuestions) {
      expect(q.basis.length, q.id).toBeGreaterThan(0);
      for (const code of q.basis) expect(mizajQuestionnaireSources, q.id).toHaveProperty(code);
    }
  });
});
