// Free text to findings: the engine's NLP parser when the engine provides one, else keyword matching.
import * as engine from '@unani/engine';
import { type EngineKnowledge, type Finding, keywordFindings } from '@unani/engine';

export interface TextParser {
  name: 'nlp' | 'keyword';
  parse: (text: string) => Finding[];
}

export function textParser(knowledge: EngineKnowledge): TextParser {
  // Looked up at run time so the product keeps working with the keyword parser where NLP is absent.
  const nlp = engine as unknown as {
    parse?: (text: string, lexicon: unknown) => Finding[];
    buildLexicon?: (knowledge: EngineKnowledge) => unknown;
  };
  const { parse, buildLexicon } = nlp;
  if (typeof parse === 'function' && typeof buildLexicon === 'function') {
    const lexicon = buildLexicon(knowledge);
    return { name: 'nlp', parse: (text) => parse(text, lexicon) };
  }
  return { name: 'keyword', parse: (text) => keywordFindings(text, knowledge) };
}
