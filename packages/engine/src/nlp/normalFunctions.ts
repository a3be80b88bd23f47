// A body function said to be normal denies its complaint: "saans theek hai" is no breathlessness, "appetite normal"
// no loss of appetite, "نظر ٹھیک ہے" no blurred vision. The function's noun alone is no complaint ("saans lene mein
// dard" is about breathing, not breathlessness), so it is read only beside a word that says it is normal.
import type { Mention } from './mentions.ts';
import type { Token } from './text.ts';

/** The function nouns, keyed by the canonical name of the complaint they deny (as in layLexicon.ts). */
export const FUNCTION_NOUNS: Readonly<Record<string, readonly string[]>> = {
  breathlessness: ['breathing', 'breath', 'saans', 'sans', 'سانس'],
  'loss of appetite': ['appetite', 'bhook', 'bhookh', 'bhuk', 'bhukh', 'بھوک'],
  sleeplessness: ['sleep', 'neend', 'nind', 'neind', 'نیند'],
  'blurred vision': ['vision', 'eyesight', 'nazar', 'nazr', 'نظر', 'بینائی'],
  'loss of smell': ['smell', 'سونگھنا'],
  // The belly said fine is no belly pain: "tummy is fine, no pain", "pet theek hai".
  'abdominal pain': ['tummy', 'belly', 'stomach', 'abdomen', 'pet', 'پیٹ'],
};

const NORMAL_WORDS: ReadonlySet<string> = new Set([
  'normal',
  'fine',
  'ok',
  'okay',
  'good',
  'theek',
  'thik',
  'teek',
  'sahi',
  'achi',
  'achhi',
  'acchi',
  'ٹھیک',
  'نارمل',
  'اچھی',
]);

/** Words that may stand between the noun and "normal": "breathing is fine", "neend bilkul theek hai". */
const LINKS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'hai', 'he', 'bilkul', 'bhi', 'to', 'تو', 'بھی']);

/** Words after "normal" that take it back: "neend theek nahi", "sleep is normal no more" is rare enough. */
const TAKEN_BACK: ReadonlySet<string> = new Set(['nahi', 'nahin', 'nhi', 'nai', 'not', 'نہیں']);

/** Whether the words from `i` in direction `step` reach a "normal" word that is not taken back. */
function saidNormal(tokens: readonly Token[], i: number, step: 1 | -1): boolean {
  let j = i + step;
  while (LINKS.has(tokens[j]?.norm ?? '')) j += step;
  if (!NORMAL_WORDS.has(tokens[j]?.norm ?? '')) return false;
  // "not normal appetite" / "normal nahi": the function is not normal.
  const after = step === 1 ? j + 1 : i + 1;
  const before = step === 1 ? i - 1 : j - 1;
  return !TAKEN_BACK.has(tokens[after]?.norm ?? '') && !TAKEN_BACK.has(tokens[before]?.norm ?? '');
}

/**
 * Denied mentions for function nouns on free tokens (`taken[i]` is -1) said normal, after ("saans theek hai") or
 * before ("normal appetite") the noun. `functions` maps a noun to its complaint's symptom index.
 */
export function findNormalFunctions(
  tokens: readonly Token[],
  functions: ReadonlyMap<string, number>,
  taken: Int32Array,
): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((t, i) => {
    const symptom = functions.get(t.norm);
    if (symptom === undefined || taken[i] !== -1) return;
    if (saidNormal(tokens, i, 1) || saidNormal(tokens, i, -1)) {
      found.push({ symptom, first: i, end: i + 1, skipped: [], denied: true });
    }
  });
  return found;
}
