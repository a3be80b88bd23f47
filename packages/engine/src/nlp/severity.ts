// How bad a complaint is, from English and Urdu intensity words ("severe", "very bad", "bahut", "halka").
import type { Severity } from '@unani/contracts';
import type { Modifier } from './modifier.ts';
import { matchPhrase, phraseTable } from './phraseTable.ts';
import type { Token } from './text.ts';

const SEVERITY_WORDS: Record<Severity, readonly string[]> = {
  mild: [
    ...['mild', 'mildly', 'slight', 'slightly', 'minor', 'low grade', 'a little', 'a bit', 'very mild'],
    ...['halka', 'halki', 'halke', 'thoda', 'thodi', 'thode', 'thora', 'thori', 'ہلکا', 'ہلکی', 'تھوڑا', 'تھوڑی'],
  ],
  moderate: ['moderate', 'moderately', 'mild to moderate', 'quite bad', 'fairly bad', 'darmiyana', 'mutawassit'],
  severe: [
    ...['severe', 'severely', 'very bad', 'really bad', 'terrible', 'awful', 'intense', 'intensely', 'excruciating'],
    ...['unbearable', 'extreme', 'worst', 'very severe', 'high grade', 'moderate to severe', 'agonising', 'agonizing'],
    ...['bahut', 'bohot', 'bohat', 'bahot', 'bohut', 'zyada', 'ziyada', 'zyaada', 'ziada', 'jyada'],
    ...['tez', 'shadeed', 'sakht', 'بہت', 'زیادہ', 'شدید', 'تیز'],
  ],
};

const table = phraseTable<Severity>(
  (Object.entries(SEVERITY_WORDS) as [Severity, readonly string[]][]).flatMap(([severity, words]) =>
    words.map((w) => [w, severity] as const),
  ),
);

/** "not severe", "zyada nahi": an intensity word that is itself negated says nothing reliable. */
const NEGATORS = new Set(['no', 'not', 'never', 'nahi', 'nahin', 'na']);

export const SEVERITY_VOCABULARY: ReadonlySet<string> = table.words;

/** Intensity words that are a whole phrase on their own ("tez", "severe"), plus "very": they can sit inside a complaint. */
export const INTENSITY_WORDS: ReadonlySet<string> = new Set([
  'very',
  ...Object.values(SEVERITY_WORDS)
    .flat()
    .filter((w) => !w.includes(' ')),
]);

/** Every severity word in the note, skipping tokens already read as symptoms. */
export function findSeverities(tokens: readonly Token[], usable: (index: number) => boolean): Modifier<Severity>[] {
  const found: Modifier<Severity>[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = usable(i) ? matchPhrase(table, tokens, i, usable) : undefined;
    if (!match) {
      i++;
      continue;
    }
    const before = usable(i - 1) ? tokens[i - 1]?.norm : undefined;
    const after = usable(match.end) ? tokens[match.end]?.norm : undefined;
    if (!(before !== undefined && NEGATORS.has(before)) && !(after !== undefined && NEGATORS.has(after))) {
      found.push({ first: i, end: match.end, value: match.value });
    }
    i = match.end;
  }
  return found;
}
