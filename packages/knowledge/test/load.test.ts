import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir, normaliseName } from '../src/index.ts';
import { copyOfMinimalKnowledge, minimalKnowledgeDir, problemsOf } from './knowledgeFixture.ts';

describe('knowledge loader', () => {
  it('loads a valid knowledge base with defaults filled in', () => {
    const kb = loadKnowledgeDir(minimalKnowledgeDir);
    expect(kb.diseases.map((d) => d.code)).toEqual(['shaqeeqa', 'zukam']);
    expect(kb.symptoms).toHaveLength(9);
    expect(kb.diseases[1]?.temperaments).toEqual([]);
    expect(kb.diseases[0]?.protocol?.items[2]).toMatchObject({ kind: 'ghiza', avoid: true });
    expect(kb.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same content and another for changed content', () => {
    const copy = copyOfMinimalKnowledge();
    const before = loadKnowledgeDir(copy.dir).hash;
    expect(loadKnowledgeDir(minimalKnowledgeDir).hash).toBe(before);
    copy.edit('diseases/zukam.yaml', (t) => t.replace('likelihood: 0.3', 'likelihood: 0.35'));
    expect(loadKnowledgeDir(copy.dir).hash).not.toBe(before);
  });

  it('names the file, the entry and the field of a schema error', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/zukam.yaml', (t) => t.replace('likelihood: 0.3', 'likelihood: 1.3'));
    expect(problemsOf(copy.dir)).toEqual([
      'diseases/zukam.yaml › zukam: symptoms.2.likelihood: Too big: expected number to be <=1',
    ]);
  });

  it('asks a red flag whose message is too long for a card for a short summary, and keeps that summary short', () => {
    const copy = copyOfMinimalKnowledge();
    const long = `Loss of consciousness — refer to emergency care now. ${'Keep the airway open and the patient on one side. '.repeat(2)}`;
    copy.edit('red-flags/red-flags.yaml', (t) =>
      t.replace('  message: Loss of consciousness — refer to emergency care now.', `  message: ${long.trim()}`),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'red-flags/red-flags.yaml › loss-of-consciousness: summary: a message over 139 characters needs a "summary" of at most 139',
    ]);
    copy.edit('red-flags/red-flags.yaml', (t) =>
      t.replace(long.trim(), `${long.trim()}\n  summary: ${'x'.repeat(140)}`),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'red-flags/red-flags.yaml › loss-of-consciousness: summary: Too big: expected string to have <=139 characters',
    ]);
    copy.edit('red-flags/red-flags.yaml', (t) =>
      t.replace('x'.repeat(140), 'Loss of consciousness; emergency care now.'),
    );
    expect(loadKnowledgeDir(copy.dir).redFlags.find((r) => r.code === 'loss-of-consciousness')?.summary).toBe(
      'Loss of consciousness; emergency care now.',
    );
  });

  it('names a file that is not valid YAML', () => {
    const copy = copyOfMinimalKnowledge();
    copy.write('symptoms/broken.yaml', '- code: cough\n  name: [unclosed\n');
    const [problem] = problemsOf(copy.dir);
    expect(problem).toMatch(/^symptoms\/broken\.yaml › -: cannot be parsed: /);
  });

  it('reports a reference to a symptom, formulation or source that does not exist', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/zukam.yaml', (t) =>
      t.replace('symptom: fever,', 'symptom: fevr,').replace('sources: [numc]\n', 'sources: [numc, nfum]\n'),
    );
    copy.edit('diseases/shaqeeqa.yaml', (t) =>
      t.replace('formulation: itrifal-ustukhuddus', 'formulation: itrifal-kishneezi'),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'diseases/zukam.yaml › zukam: unknown source "nfum"',
      'diseases/shaqeeqa.yaml › shaqeeqa: unknown formulation "itrifal-kishneezi"',
      'diseases/zukam.yaml › zukam: unknown symptom "fevr"',
    ]);
  });

  it('takes a protocol item for a humoural type only where the disease has that humour', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/zukam.yaml', (t) =>
      t.replace('text: Avoid cold air }', 'text: Avoid cold air, forTypes: [balghami] }'),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'diseases/zukam.yaml › zukam: a protocol item is for the balghami type, but the disease lists no balgham among its humours',
    ]);
    copy.edit('diseases/zukam.yaml', (t) =>
      t.replace('organSystem: respiratory', 'organSystem: respiratory\nhumours: [balgham]\nmizajSources: [stg-ccrum]'),
    );
    expect(problemsOf(copy.dir)).toEqual([]);
    const zukam = loadKnowledgeDir(copy.dir).diseases.find((d) => d.code === 'zukam');
    expect(zukam?.protocol?.items.map((i) => i.forTypes)).toEqual([undefined, ['balghami']]);
  });

  it('requires at least one source on every entry', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('single-drugs/drugs.yaml', (t) => t.replace('sources: [stg-ccrum]', 'sources: []'));
    expect(problemsOf(copy.dir)).toEqual([
      'single-drugs/drugs.yaml › ustukhuddus: sources: every entry cites at least one source',
    ]);
  });

  it('rejects duplicate codes and names that collide after normalisation', () => {
    const copy = copyOfMinimalKnowledge();
    copy.write(
      'symptoms/more.yaml',
      '- code: fever\n  name: pyrexia\n  kind: sign\n  sources: [numc]\n- code: head-ache\n  name: Head-ache\n  kind: symptom\n  sources: [numc]\n',
    );
    expect(problemsOf(copy.dir)).toEqual([
      'symptoms/symptoms.yaml › fever: duplicate symptom code (also in symptoms/more.yaml)',
      'symptoms/symptoms.yaml › headache: symptom name "headache" is also used by head-ache',
    ]);
  });

  it('refuses temperaments, humours or pulse, urine and stool signs without mizajSources, and checks those sources', () => {
    const copy = copyOfMinimalKnowledge();
    copy.write(
      'symptoms/pulse.yaml',
      '- code: nabz-saree\n  name: Quick pulse\n  kind: nabz\n  sources: [{ source: numc, locator: O-37 }]\n',
    );
    copy.edit('diseases/shaqeeqa.yaml', (t) => t.replace('mizajSources: [{ source: numc, locator: A-2.1 }]\n', ''));
    copy.edit('diseases/zukam.yaml', (t) =>
      t.replace('organSystem: respiratory\n', 'organSystem: respiratory\nhumours: [balgham]\n'),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'diseases/shaqeeqa.yaml › shaqeeqa: temperaments without mizajSources',
      'diseases/zukam.yaml › zukam: humours without mizajSources',
    ]);
    copy.edit('diseases/zukam.yaml', (t) =>
      t
        .replace('humours: [balgham]\n', 'mizajSources: [{ source: sumt, locator: C-36 }]\n')
        .replace(
          '  - { symptom: fever, likelihood: 0.3 }\n',
          '  - { symptom: fever, likelihood: 0.3 }\n  - { symptom: nabz-saree, likelihood: 0.3 }\n',
        ),
    );
    copy.edit('diseases/shaqeeqa.yaml', (t) => t.replace('temperaments: [safravi]\n', ''));
    expect(problemsOf(copy.dir)).toEqual(['diseases/zukam.yaml › zukam: unknown source "sumt"']);
    copy.edit('diseases/zukam.yaml', (t) => t.replace('mizajSources: [{ source: sumt, locator: C-36 }]\n', ''));
    expect(problemsOf(copy.dir)).toEqual(['diseases/zukam.yaml › zukam: Nabz/Baul/Baraz signs without mizajSources']);
  });

  it('asks for a unit in every dose', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('formulations/itrifal.yaml', (t) => t.replace('dose: 5–10 g at bedtime', 'dose: a spoonful'));
    expect(problemsOf(copy.dir)).toEqual([
      'formulations/itrifal.yaml › itrifal-ustukhuddus: dose: a dose names its amount and unit, e.g. "5 g twice daily"',
    ]);
  });

  it('takes a protocol without medicine only when it says why', () => {
    const copy = copyOfMinimalKnowledge();
    const dawa = '    - { kind: dawa, singleDrug: ustukhuddus, dose: 3 g twice daily, duration: 5 days }\n';
    copy.edit('diseases/zukam.yaml', (t) => t.replace(dawa, ''));
    expect(problemsOf(copy.dir)).toEqual([
      'diseases/zukam.yaml › zukam: protocol: a protocol gives a dawa item, or says in `noDawa` why it gives none',
    ]);
    copy.edit('diseases/zukam.yaml', (t) =>
      t.replace('  items:\n', '  noDawa: no medicine for this disease could be confirmed in a source\n  items:\n'),
    );
    expect(problemsOf(copy.dir)).toEqual([]);
  });

  it('takes one finding per complaint word and place, and no word without its place', () => {
    const copy = copyOfMinimalKnowledge();
    const withPlace = (code: string, place: string) => (t: string) =>
      t.replace(new RegExp(`(- code: ${code}\\n  name: [^\\n]*\\n  kind: \\w+\\n)`), `$1${place}`);
    copy.edit('symptoms/symptoms.yaml', withPlace('runny-nose', '  site: nose\n  quality: discharge\n'));
    copy.edit('symptoms/symptoms.yaml', withPlace('sneezing', '  site: nose\n  quality: discharge\n'));
    copy.edit('symptoms/symptoms.yaml', withPlace('nausea', '  quality: pain\n'));
    expect(problemsOf(copy.dir)).toEqual([
      'symptoms/symptoms.yaml › nausea: quality "pain" needs the site it is at',
      'symptoms/symptoms.yaml › runny-nose: discharge at nose is already sneezing',
    ]);
  });

  it('refuses Arabic letter forms in Urdu text, naming the file, the entry, the field and the word', () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/shaqeeqa.yaml', (t) => t.replace('urduName: شقیقہ', 'urduName: شقيقہ'));
    copy.edit('symptoms/symptoms.yaml', (t) =>
      t.replace('synonyms: [sar dard, head pain]', 'synonyms: [sar dard, سر درد, ٢ دن سے سر درد]'),
    );
    copy.edit('red-flags/red-flags.yaml', (t) =>
      t.replace('  urgency: emergency\n  when: { any: [unconsciousness] }', '  messageUrdu: بے هوشی\n$&'),
    );
    expect(problemsOf(copy.dir)).toEqual([
      'symptoms/symptoms.yaml › headache: synonyms.2: Arabic letter forms in Urdu text "٢ دن سے سر درد": ٢ in "٢" at character 1 is Arabic-Indic digit (U+0662): write ۲ (Urdu digit, U+06F2)',
      'diseases/shaqeeqa.yaml › shaqeeqa: urduName: Arabic letter forms in Urdu text "شقيقہ": ي in "شقيقہ" at character 3 is Arabic yeh (U+064A): write ی (Farsi yeh, U+06CC)',
      'red-flags/red-flags.yaml › loss-of-consciousness: messageUrdu: Arabic letter forms in Urdu text "بے هوشی": ه in "هوشی" at character 4 is Arabic heh (U+0647): write ہ (heh goal, U+06C1)',
    ]);
  });

  it('reports a missing knowledge directory', () => {
    expect(problemsOf('/nonexistent/knowledge')).toEqual(['/nonexistent/knowledge › -: knowledge directory not found']);
  });
});

describe('normaliseName', () => {
  it('folds accents, case, spaces and punctuation', () => {
    expect(normaliseName('Shaqīqa')).toBe('shaqiqa');
    expect(normaliseName('Zeeq-un-Nafas')).toBe(normaliseName('zeeq un nafas'));
    expect(normaliseName('Ṣudā‘')).toBe('suda');
  });
});
