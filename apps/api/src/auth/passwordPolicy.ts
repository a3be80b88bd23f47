// What makes a password too weak to accept (NIST SP 800-63B §5.1.1.2: a length floor and a check against
// passwords known to be common), enforced wherever a password is set: sign-up, admin changes, the CLI and
// changing one's own. Checked on the server only: the list stays out of the web app's bundle.
import { readFileSync } from 'node:fs';
import { commonPasswordsFile } from '../config/paths.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** The 10,000 most common passwords (provenance in commonPasswords.md), lower-cased. */
const COMMON = new Set(
  readFileSync(commonPasswordsFile, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line.length > 0),
);

/** A common password followed by digits and punctuation ("password2024!") is as guessable as the word. */
const TRAILING_DIGITS_AND_MARKS = /[\d\p{P}\p{S}\s]+$/u;
/** Shorter stems ("ab" + "1234567890") are too short to call common. */
const MIN_COMMON_STEM = 4;

/** Why `password` may not be used by the account `email`, or undefined when it may. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password has at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `a password has at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim().length === 0) return 'a password cannot be only spaces';
  if (new Set(password).size === 1) return 'a password cannot repeat one character';
  const lower = password.toLowerCase();
  if (email && (lower.includes(email.toLowerCase()) || lower === email.toLowerCase().split('@')[0]))
    return 'a password cannot be the account’s email';
  const stem = lower.replace(TRAILING_DIGITS_AND_MARKS, '');
  if (COMMON.has(lower) || (stem.length >= MIN_COMMON_STEM && COMMON.has(stem)) || COMMON.has(lower.trim()))
    return 'this password is among the most common ones; choose another (a few unrelated words work well)';
  if (isSequence(lower)) return 'a password cannot be a run of keys or digits like "123456789012"';
  return undefined;
}

/** Runs along the digits, the alphabet or a keyboard row, wrapping around ("123456789012"), either way. */
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'].flatMap((run) => {
  const long = run.repeat(Math.ceil(MAX_PASSWORD_LENGTH / run.length) + 1);
  return [long, [...long].reverse().join('')];
});

function isSequence(text: string): boolean {
  return RUNS.some((run) => run.includes(text));
}
