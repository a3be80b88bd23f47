// Finds letters and digits of Arabic orthography in Urdu text (ك, ي, ى, ه, ة, ٠–٩) with their positions, so that
// a reviewer can correct each word by hand: the right Urdu letter depends on the word (ہ or ھ, ی or ے), so none
// is replaced here.

/** One Arabic-only letter or digit in a text. */
export interface ArabicForm {
  /** Offset of the character in the text (every character concerned is one UTF-16 unit). */
  index: number;
  /** The character as written, e.g. "ك". */
  found: string;
  /** What it is, e.g. "Arabic kaf (U+0643)". */
  name: string;
  /** The word it stands in, as written. */
  word: string;
  /** What Urdu writes instead, e.g. "ک (keheh, U+06A9)". */
  urdu: string;
}

/** An Urdu-script string of a knowledge entry that holds Arabic-only forms, and where it sits in the entry. */
export interface UrduFieldProblem {
  /** The field's path in the entry, as the schema's messages give it: `urduName`, `synonyms.3`, `describedAs.0.1.2`. */
  field: string;
  text: string;
  found: ArabicForm[];
}

const KEHEH = 'ک (keheh, U+06A9)';
const FARSI_YEH = 'ی (Farsi yeh, U+06CC)';
const FINAL_YEH = `${FARSI_YEH}, or ے (yeh barree, U+06D2) where Urdu ends the word with it (قے, نزلے)`;
const HEH_GOAL = 'ہ (heh goal, U+06C1)';
const ASPIRATED_HEH = `ھ (do-chashmi heh, U+06BE) where it marks aspiration (کھ, بھ), else ${HEH_GOAL}`;

/**
 * Consonants that Urdu aspirates with do-chashmi heh: the stops (بھ پھ تھ ٹھ جھ چھ دھ ڈھ کھ گھ), ڑھ (پڑھنا) and the
 * sonorants (انھیں، تمھارا، دولھا); Arabic kaf included, as typed.
 */
const ASPIRABLE = new Set([...'بپتٹجچدڈکگكڑرلمن']);
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;
const MARK = /\p{M}/u;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/;
const EXTENDED_DIGIT_ZERO = 0x06f0;
const ARABIC_DIGIT_ZERO = 0x0660;

/** The letter after `index`, skipping combining marks (the superscript alef of یٰ, vowel signs). */
function nextLetter(text: string, index: number): string | undefined {
  for (let i = index + 1; i < text.length; i += 1) {
    const c = text[i] as string;
    if (!MARK.test(c)) return c;
  }
  return undefined;
}

function wordAround(text: string, index: number): string {
  let start = index;
  let end = index + 1;
  while (start > 0 && WORD_CHARACTER.test(text[start - 1] as string)) start -= 1;
  while (end < text.length && WORD_CHARACTER.test(text[end] as string)) end += 1;
  return text.slice(start, end);
}

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

function urduFor(text: string, index: number): { name: string; urdu: string } | undefined {
  const c = text[index] as string;
  const next = nextLetter(text, index);
  const wordFinal = next === undefined || !WORD_CHARACTER.test(next);
  switch (c) {
    case 'ك':
      return { name: 'Arabic kaf (U+0643)', urdu: KEHEH };
    case 'ي':
      return { name: 'Arabic yeh (U+064A)', urdu: wordFinal ? FINAL_YEH : FARSI_YEH };
    case 'ى':
      return {
        name: 'alef maksura (U+0649)',
        urdu: wordFinal ? `${FINAL_YEH}; یٰ where the word ends in a long a (حمیٰ)` : FARSI_YEH,
      };
    case 'ه': {
      const previous = index > 0 ? (text[index - 1] as string) : '';
      return { name: 'Arabic heh (U+0647)', urdu: ASPIRABLE.has(previous) ? ASPIRATED_HEH : HEH_GOAL };
    }
    case 'ة':
      return {
        name: 'teh marbuta (U+0629)',
        urdu: `${HEH_GOAL} at the end of an Urdu word (معدہ), ت or ۃ (U+06C3) in an Arabic construct (حرقۃ البول)`,
      };
    default: {
      if (!ARABIC_INDIC_DIGIT.test(c)) return undefined;
      const urduDigit = String.fromCharCode(EXTENDED_DIGIT_ZERO + c.charCodeAt(0) - ARABIC_DIGIT_ZERO);
      return {
        name: `Arabic-Indic digit (${codePoint(c)})`,
        urdu: `${urduDigit} (Urdu digit, ${codePoint(urduDigit)})`,
      };
    }
  }
}

/** Every letter or digit of `text` that Arabic writes but Urdu does not, in order, with the Urdu form to use. */
export function findArabicForms(text: string): ArabicForm[] {
  const found: ArabicForm[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const form = urduFor(text, index);
    if (form) found.push({ index, found: text[index] as string, word: wordAround(text, index), ...form });
  }
  return found;
}

/** One line a reviewer can act on: each form, the word it is in, its position (1-based) and the Urdu letter. */
export function describeArabicForms(found: readonly ArabicForm[]): string {
  return found
    .map((f) => `${f.found} in "${f.word}" at character ${f.index + 1} is ${f.name}: write ${f.urdu}`)
    .join('; ');
}

function* stringsOf(value: unknown, path: string[]): Generator<{ field: string; text: string }> {
  if (typeof value === 'string') yield { field: path.join('.'), text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsOf(item, [...path, String(i)]);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* stringsOf(item, [...path, key]);
}

/**
 * The fields of an entry that hold Arabic-only forms. Every string is read, not only `urduName` and `messageUrdu`:
 * synonyms and the words of `describedAs` mix Urdu script with Latin, and those forms belong in no field.
 */
export function urduFieldProblems(entry: unknown): UrduFieldProblem[] {
  const problems: UrduFieldProblem[] = [];
  for (const { field, text } of stringsOf(entry, [])) {
    const found = findArabicForms(text);
    if (found.length > 0) problems.push({ field, text, found });
  }
  return problems;
}
