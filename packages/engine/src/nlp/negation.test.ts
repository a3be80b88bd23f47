import { describe, expect, it } from 'vitest';
import { NEGATION_WINDOW } from './negation.ts';
import { parse } from './parse.ts';
import { symptomLexicon } from './testing/symptomKnowledge.ts';

/** symptom code → present, for each mention of `text`. */
function presence(text: string): Record<string, boolean> {
  return Object.fromEntries(parse(text, symptomLexicon()).map((f) => [f.symptom, f.present]));
}

function uncertainty(text: string): Record<string, boolean> {
  return Object.fromEntries(parse(text, symptomLexicon()).map((f) => [f.symptom, f.uncertain === true]));
}

describe('negation before the symptom', () => {
  it.each([
    ['no fever', 'fever'],
    ['not coughing', 'cough'],
    ['denies vomiting', 'vomiting'],
    ['denied nausea', 'nausea'],
    ['without itching', 'itching'],
    ['negative for fever', 'fever'],
    ['free of headache', 'headache'],
    ['absence of diarrhoea', 'diarrhoea'],
    ['never had chest pain', 'chest-pain'],
  ])('negates "%s"', (text, code) => {
    expect(presence(text)).toEqual({ [code]: false });
  });

  it('covers a list joined by "and" / "or"', () => {
    expect(presence('no fever or cough and vomiting')).toEqual({ fever: false, cough: false, vomiting: false });
  });

  it('stops at a comma: "no cough, denies vomiting" are two negations, "no cough, fever" is fever present', () => {
    expect(presence('no cough, denies vomiting')).toEqual({ cough: false, vomiting: false });
    expect(presence('no cough, fever')).toEqual({ cough: false, fever: true });
  });

  it.each(['.', ';', ':', '!', '?'])('stops at "%s"', (mark) => {
    expect(presence(`no cough${mark} fever`)).toEqual({ cough: false, fever: true });
  });

  it.each(['but', 'however', 'although', 'lekin', 'magar', 'par'])('stops at "%s"', (word) => {
    expect(presence(`no fever ${word} cough`)).toEqual({ fever: false, cough: true });
  });

  it('stops at a clinical phrase that starts a new statement', () => {
    expect(presence('no fever c/o headache')).toEqual({ fever: false, headache: true });
  });

  it(`reaches ${NEGATION_WINDOW} words and no further`, () => {
    expect(presence('no fever or any other cough')).toEqual({ fever: false, cough: false });
    expect(presence('no fever for the last two days and then cough')).toEqual({ fever: false, cough: true });
  });

  it('reads a symptom phrase as one word of the window', () => {
    expect(presence('no blocked nose or runny nose or sore throat')).toEqual({
      'nasal-congestion': false,
      'runny-nose': false,
      'sore-throat': false,
    });
  });
});

describe('negation after the symptom', () => {
  it.each([
    ['fever absent', 'fever'],
    ['cough not present', 'cough'],
    ['chest pain ruled out', 'chest-pain'],
    ['bukhar nahi', 'fever'],
    ['bukhar nahin', 'fever'],
    ['bukhar nahi hai', 'fever'],
    ['qabz na', 'constipation'],
    ['بخار نہیں ہے', 'fever'],
  ])('negates "%s"', (text, code) => {
    expect(presence(text)).toEqual({ [code]: false });
  });

  it('negates every symptom of an Urdu list before "nahi"', () => {
    expect(presence('bukhar aur khansi nahi hai')).toEqual({ fever: false, cough: false });
  });

  it('does not reach back past the verb of an earlier statement', () => {
    expect(presence('sar dard hai bukhar nahi')).toEqual({ headache: true, fever: false });
  });

  it('does not reach back past a comma or "lekin"', () => {
    expect(presence('sar dard, bukhar nahi')).toEqual({ headache: true, fever: false });
    expect(presence('khansi lekin bukhar nahi')).toEqual({ cough: true, fever: false });
  });

  it('ends "bina … ke" (without …) at its postposition: the pain is denied, the cough after it is not', () => {
    expect(presence('bina bukhar ke khansi')).toEqual({ fever: false, cough: true });
    expect(presence('بغیر بخار کے کھانسی')).toEqual({ fever: false, cough: true });
    expect(presence('bina bukhar khansi')).toEqual({ fever: false, cough: false });
  });

  it('reads a test result after its name: "… test negative" denies it', () => {
    expect(presence('fever, malaria test negative')).toEqual({ fever: true });
    expect(presence('dengue fever negative')).toEqual({ fever: false });
  });

  it('reads Urdu "na … na" as neither … nor', () => {
    expect(presence('na bukhar na khansi')).toEqual({ fever: false, cough: false });
  });
});

describe('pseudo-negations', () => {
  it.each([
    ['no change in headache', 'headache'],
    ['no increase in cough', 'cough'],
    ['not only fever', 'fever'],
    ['no improvement in diarrhoea', 'diarrhoea'],
    ['no relief from headache', 'headache'],
  ])('"%s" leaves the symptom present', (text, code) => {
    expect(presence(text)).toEqual({ [code]: true });
  });

  it.each([
    ['khansi band nahi ho rahi', 'cough'],
    ['ulti ruk nahi rahi', 'vomiting'],
    ['khansi jaati nahi 2 mahine se', 'cough'],
    ['sar dard kam nahi hota', 'headache'],
    ['bukhar utar hi nahi raha', 'fever'],
    ['Bokhar utarta hi nahi', 'fever'],
    ['dast band hi nahi ho rahe', 'diarrhoea'],
    ['ulti ruk nai rahi', 'vomiting'],
    ['بخار اترتا ہی نہیں', 'fever'],
    ['dast rukte nahi', 'diarrhoea'],
    ['cough not going away', 'cough'],
    ["vomiting won't stop", 'vomiting'],
  ])('reads "%s" (does not stop, go or lessen) as the symptom persisting', (text, code) => {
    expect(presence(text)).toEqual({ [code]: true });
  });

  it('still negates a plain Urdu "nahi" next to those verbs', () => {
    expect(presence('khansi nahi hai')).toEqual({ cough: false });
    expect(presence('bukhar nahi, sar dard band ho gaya')).toEqual({ fever: false, headache: true });
  });

  it('does not let "band nahi" take away the "nahi" of a symptom that contains "band"', () => {
    // "naak band nahi" is "the nose is not blocked": the mention owns "band", so "nahi" negates it.
    expect(presence('naak band nahi hai')).toEqual({ 'nasal-congestion': false });
  });

  it('reads "not certain if" as doubt, not absence', () => {
    const [finding] = parse('not certain if fever', symptomLexicon());
    expect(finding).toMatchObject({ symptom: 'fever', present: true, uncertain: true });
  });
});

describe('uncertainty', () => {
  it.each([
    ['possible fever', 'fever'],
    ['maybe cough', 'cough'],
    ['query diarrhoea', 'diarrhoea'],
    ['suspected itching', 'itching'],
    ['shayad bukhar', 'fever'],
    ['bukhar shayad', 'fever'],
    ['fever?', 'fever'],
    ['?fever', 'fever'],
  ])('marks "%s" uncertain', (text, code) => {
    expect(uncertainty(text)).toEqual({ [code]: true });
  });

  it('keeps an uncertain symptom present', () => {
    expect(presence('possible fever')).toEqual({ fever: true });
  });

  it('queries only the clause the question mark ends', () => {
    expect(uncertainty('headache, fever?')).toEqual({ headache: false, fever: true });
    expect(uncertainty('headache ?migraine fever')).toEqual({ headache: false, fever: true });
  });

  it('does not carry a question over into the next sentence', () => {
    expect(uncertainty('any fever? cough present')).toEqual({ fever: true, cough: false });
  });
  it('reads "not known" as doubt, not denial: "bite, vaccine ka pata nahi" keeps the bite', () => {
    expect(uncertainty('kutte ne kaata, vaccine ka pata nahi')).toEqual({});
    expect(presence('bukhar ka pata nahi')).toEqual({ fever: true });
    expect(uncertainty('bukhar ka pata nahi')).toEqual({ fever: true });
  });
});

describe('negation as people and clinics abbreviate it', () => {
  it.each([
    ["I don't feel sick", 'nausea'],
    ["she hasn't vomited", 'vomiting'],
    ['doesnt have fever', 'fever'],
    ['nil cough', 'cough'],
    ['cough nil', 'cough'],
    ['chest pain -ve', 'chest-pain'],
    ['fever neg', 'fever'],
  ])('negates "%s"', (text, code) => {
    expect(presence(text)).toEqual({ [code]: false });
  });

  it('reads "+ve" as present, and "can\'t" as no denial', () => {
    expect(presence('vomiting +ve, abdominal pain -ve')).toEqual({ vomiting: true, 'abdominal-pain': false });
    expect(presence("can't stop coughing")).toEqual({ cough: true });
  });

  it('reads "nai" and "nhi" as "nahi"', () => {
    expect(presence('bukhar nai, qai nhi')).toEqual({ fever: false, vomiting: false });
  });
});

describe('a denied list written with commas', () => {
  it('denies every item of a list that closes with "or"', () => {
    expect(presence('denies fever, nausea or vomiting')).toEqual({ fever: false, nausea: false, vomiting: false });
    expect(presence('no fever, cough, sneezing or headache')).toEqual({
      fever: false,
      cough: false,
      sneezing: false,
      headache: false,
    });
  });

  it('keeps a comma as the end of the denial when no "or" closes a list', () => {
    expect(presence('no fever, cough for 3 days')).toEqual({ fever: false, cough: true });
    expect(presence('no fever, cough and sneezing')).toEqual({ fever: false, cough: true, sneezing: true });
  });

  it('does not read a list backwards from an Urdu denial: the first item may be a statement of its own', () => {
    expect(presence('bukhar, khansi ya qai nahi')).toEqual({ fever: true, cough: false, vomiting: false });
  });
});

describe('a denial answering a question or a label', () => {
  it('denies "fever? no" and "vomiting: absent", and the answer is no longer in doubt', () => {
    expect(presence('fever? no')).toEqual({ fever: false });
    expect(uncertainty('fever? no')).toEqual({ fever: false });
    expect(presence('vomiting: absent. cough: nil')).toEqual({ vomiting: false, cough: false });
  });

  it('leaves an unanswered or affirmed question as it was', () => {
    expect(presence('fever? yes')).toEqual({ fever: true });
    expect(uncertainty('fever?')).toEqual({ fever: true });
    expect(presence('vomiting: yes, no cough')).toEqual({ vomiting: true, cough: false });
  });
});

describe('a denial inside the complaint or after it in a form', () => {
  it('denies a complaint with its denial between its words', () => {
    expect(presence('saans nahi phoolti')).toEqual({ breathlessness: false });
  });

  it('reads "fever denied", "cough not seen", "fever? none" and "fever no, cough yes"', () => {
    expect(presence('fever denied')).toEqual({ fever: false });
    expect(presence('cough not seen')).toEqual({ cough: false });
    expect(presence('fever? none')).toEqual({ fever: false });
    expect(presence('fever no, cough yes')).toEqual({ fever: false, cough: true });
    expect(presence('cough no fever')).toEqual({ cough: true, fever: false });
  });
});

describe('a finding said normal, or never had before', () => {
  it('denies "diarrhoea normal"-style statements and leaves the rest of the note alone', () => {
    expect(presence('cough normal')).toEqual({ cough: false });
    expect(presence('qai theek hai')).toEqual({ vomiting: false });
    expect(presence('diarrhoea, otherwise normal')).toEqual({ diarrhoea: true });
  });

  it('reads "never had X before" as X now, and "never had X" as a denial', () => {
    expect(presence('never had chest pain before, today it started')).toEqual({ 'chest-pain': true });
    expect(presence('never had chest pain')).toEqual({ 'chest-pain': false });
  });
});

describe('a denial headed with a colon, and the exception to a denial', () => {
  it('denies every finding of a list after "denies:" to the end of the sentence', () => {
    expect(presence('denies: fever, cough, vomiting. has headache')).toEqual({
      fever: false,
      cough: false,
      vomiting: false,
      headache: true,
    });
  });

  it('keeps the exception present: "khansi ke ilawa koi shikayat nahi", "except for the cough she is fine"', () => {
    expect(presence('khansi ke ilawa koi shikayat nahi')).toEqual({ cough: true });
    expect(presence('except for the cough she is fine')).toEqual({ cough: true });
    expect(presence('no fever besides the cough')).toEqual({ fever: false, cough: true });
  });
});

describe('a comparison', () => {
  it('denies nothing and leaves the finding compared with in doubt', () => {
    expect(uncertainty('headache, not like a fever')).toEqual({ headache: false, fever: true });
    expect(presence('headache, not like a fever')).toEqual({ headache: true, fever: true });
    expect(uncertainty('sar dard hai, bukhar jaisa nahi')).toEqual({ headache: false, fever: true });
    expect(uncertainty('unlike my usual headaches, vomiting today')).toEqual({ headache: true, vomiting: false });
  });

  it('reaches only the nearest finding, and a denial beside it still denies', () => {
    expect(presence('it does not feel like a fever, no cough')).toEqual({ fever: true, cough: false });
    expect(uncertainty('it does not feel like a fever, no cough')).toEqual({ fever: true, cough: false });
    expect(presence('vomiting and headache, not like cough')).toEqual({ vomiting: true, headache: true, cough: true });
    expect(uncertainty('vomiting and headache, not like cough').headache).toBe(false);
  });
});
