import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ur } from './ur.ts';

/** Every leaf of a string table as [dotted key, text]. */
function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the Urdu string table', () => {
  const english = new Map(leaves(en));
  const urdu = new Map(leaves(ur));

  it('has every key of the English table, and no other', () => {
    expect([...urdu.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty string', () => {
    expect([...urdu].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('uses only the placeholders the English text fills in', () => {
    const unknown = [...urdu].filter(([key, text]) =>
      placeholders(text).some((p) => !placeholders(english.get(key) ?? '').includes(p)),
    );
    expect(unknown.map(([key]) => key)).toEqual([]);
  });

  it('is written in Urdu script, apart from the language names and codes', () => {
    const untranslated = [...urdu].filter(([key, text]) => !key.startsWith('language.') && text === english.get(key));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
