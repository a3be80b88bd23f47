import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordPolicy.ts';

describe('passwordProblem', () => {
  it('accepts a long password of unrelated words', () => {
    expect(passwordProblem('copper kettle orchard 9', 'hakim@clinic.example')).toBeUndefined();
  });

  it.each([
    ['twelve spaces', '            '],
    ['one repeated character', 'aaaaaaaaaaaa'],
    ['a common password followed by digits', 'qwertyuiop12'],
    ['a common password in capitals', 'PASSWORD1234'],
    ['a common word followed by digits and marks', 'iloveyou2024!'],
    ['a run of digits', '123456789012'],
    ['a run of letters', 'abcdefghijkl'],
    ['too short', 'short1!'],
  ])('refuses %s', (_name, password) => {
    expect(passwordProblem(password, 'someone@example.org')).toBeDefined();
  });

  it('refuses the account’s own email, in any case', () => {
    expect(passwordProblem('Hakim.Ali@Clinic.Example', 'hakim.ali@clinic.example')).toMatch(/email/);
    expect(passwordProblem('hakim.ali@clinic.example!', 'hakim.ali@clinic.example')).toMatch(/email/);
  });

  it('refuses entries deep in the bundled list (the thousandth)', () => {
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/common/);
  });
});
