// `cdss diagnose | train | evaluate`: the differential-diagnosis model on the command line. Models are cached in the
// model directory, one file per knowledge hash.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { temperaments } from '@unani/contracts';
import {
  analyseInDetail,
  ancestry,
  assessSafety,
  buildLexicon,
  type EngineKnowledge,
  type Finding,
  type Labelled,
  labelMatcher,
  mergeContext,
  type PatientContext,
  parserMetrics,
  readNote,
  reliability,
  type TrainingProgress,
  triageMetrics,
  withVitalFindings,
} from '@unani/engine';
import {
  type KnowledgeBase,
  KnowledgeError,
  loadKnowledgeDir,
  parseCoveredConditions,
  parseLabelledCases,
  parseOutsideCases,
  parseParserSnippets,
  parseSplitLabels,
  parseTriageCases,
  readKaggleKnowledge,
  toEngineKnowledge,
} from '@unani/knowledge';
import { loadEnv } from '../config/env.ts';
import { defaultKnowledgeDir, defaultModelDir } from '../config/paths.ts';
import { currentModel, DEFAULT_SEED, trainToFile } from '../modelRuntime/modelStore.ts';
import { trainingProgressBar } from '../modelRuntime/progressBar.ts';
import { type Command, parseOptions, printJson, UsageError } from './command.ts';

interface Source {
  knowledge: EngineKnowledge;
  /** Disease codes and every name a label may use. */
  diseaseLabels: Labelled[];
}

function loadSource(path: string | undefined): Source {
  const location = path ?? loadEnv().KNOWLEDGE_DIR ?? defaultKnowledgeDir;
  const stat = statSync(location, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`knowledge source not found: ${location}`);
  if (stat.isFile()) {
    if (!location.toLowerCase().endsWith('.csv'))
      throw new UsageError(`knowledge source must be a directory or a .csv file: ${location}`);
    const knowledge = readKaggleKnowledge(location);
    if (knowledge.diseases.length === 0) throw new UsageError(`no disease rows in ${location}`);
    return {
      knowledge,
      diseaseLabels: knowledge.diseases.map((d) => ({ code: d.code, names: [d.name, d.englishName] })),
    };
  }
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeDir(location);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    const [first] = error.problems;
    throw new UsageError(
      `the knowledge base in ${location} has ${error.problems.length} problem(s), first: ` +
        `${first?.file} › ${first?.entry}: ${first?.message} (fix them, or pass --knowledge <dir|csv>)`,
    );
  }
  return {
    knowledge: toEngineKnowledge(kb),
    diseaseLabels: kb.diseases.map((d) => ({
      code: d.code,
      names: [d.name, d.englishName, d.urduName, ...d.synonyms],
    })),
  };
}

/** Options for training on demand: the configured backend and a progress bar on stderr. */
function trainingOptions() {
  const progress = trainingProgressBar();
  return {
    backend: loadEnv().ENGINE_BACKEND,
    onProgress: (p: TrainingProgress) => {
      progress.update(p);
      if (p.stage === 'done') progress.stop();
    },
    log: (line: string) => process.stderr.write(`${line}\n`),
  };
}

function modelDir(out?: string): string {
  return out ?? loadEnv().MODEL_DIR ?? defaultModelDir;
}

function parseContext(values: { age?: string; sex?: string; mizaj?: string }): PatientContext {
  const context: PatientContext = {};
  if (values.age !== undefined) {
    const age = Number(values.age);
    if (!Number.isFinite(age) || age < 0 || age > 130)
      throw new UsageError(`--age must be a number of years, got "${values.age}"`);
    context.ageYears = age;
  }
  if (values.sex !== undefined) {
    const sexes = { f: 'female', female: 'female', m: 'male', male: 'male', other: 'other' } as const;
    const sex = sexes[values.sex.toLowerCase() as keyof typeof sexes];
    if (!sex) throw new UsageError(`--sex must be f or m, got "${values.sex}"`);
    context.sex = sex;
  }
  if (values.mizaj !== undefined) {
    const mizaj = temperaments.find((t) => t === values.mizaj?.toLowerCase());
    if (!mizaj) throw new UsageError(`--mizaj must be one of ${temperaments.join(', ')}, got "${values.mizaj}"`);
    context.temperament = mizaj;
  }
  return context;
}

function parseSeed(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEED;
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError(`--seed must be a non-negative integer, got "${value}"`);
  return seed;
}

const diagnoseCommand: Command = {
  summary:
    'diagnose --text "<text>" [--age N --sex f|m --mizaj balghami] [--knowledge <dir|csv>]: differential as JSON',
  async run(args) {
    const { values } = parseOptions(args, {
      text: { type: 'string' },
      age: { type: 'string' },
      sex: { type: 'string' },
      mizaj: { type: 'string' },
      knowledge: { type: 'string' },
    });
    if (values.text === undefined || values.text.trim() === '')
      throw new UsageError('diagnose needs --text "<findings in words>"');
    const context = parseContext(values);
    const { knowledge } = loadSource(values.knowledge);
    const { model } = await currentModel(knowledge, modelDir(), trainingOptions());
    const note = readNote(values.text, buildLexicon(knowledge));
    const detail = analyseInDetail(note.findings, mergeContext(context, note.context), model, values.text);
    printJson({
      findings: detail.analysis.findings,
      parser: 'nlp',
      context: detail.analysis.context,
      triage: detail.analysis.triage,
      differential: detail.differential,
      outsideKnowledge: detail.analysis.outsideKnowledge ?? false,
      redFlags: detail.redFlags.fired,
      nextQuestions: detail.nextQuestions,
      modelVersion: model.artifact.version,
    });
  },
};

const trainCommand: Command = {
  summary: 'train [--knowledge <dir|csv>] [--out <dir>] [--seed N]: trains the differential model, prints its metrics',
  async run(args) {
    const { values } = parseOptions(args, {
      knowledge: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
    });
    const seed = parseSeed(values.seed);
    const { knowledge } = loadSource(values.knowledge);
    const progress = trainingProgressBar();
    const { artifact, file } = await trainToFile(knowledge, modelDir(values.out), {
      seed,
      backend: loadEnv().ENGINE_BACKEND,
      onProgress: progress.update,
    }).finally(progress.stop);
    printJson({
      version: artifact.version,
      file,
      backend: artifact.backend,
      knowledgeHash: artifact.knowledgeHash,
      metrics: artifact.metrics,
    });
  },
};

/** The cases of an evaluation file, read with `parse`; a missing, malformed or empty file is a usage error. */
function readCaseFile<T>(file: string, kind: string, parse: (text: string) => T[]): T[] {
  if (!existsSync(file)) throw new UsageError(`${kind} file not found: ${file}`);
  let cases: T[];
  try {
    cases = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (cases.length === 0) throw new UsageError(`${file} holds no cases`);
  return cases;
}

/** `evaluate --triage <file>`: the triage of every note against the clinician's expected level. */
async function evaluateTriage(file: string, knowledgePath: string | undefined): Promise<void> {
  const cases = readCaseFile(file, 'triage', parseTriageCases);
  // Triage never depends on the differential, so no model is loaded or trained for it.
  const { knowledge } = loadSource(knowledgePath);
  const lexicon = buildLexicon(knowledge);
  const outcomes = cases.map((c) => {
    const note = readNote(c.text, lexicon);
    const got = assessSafety(note.findings, mergeContext(c.context, note.context), knowledge).triage.level;
    return { id: c.id, expected: c.expected, got };
  });
  printJson(triageMetrics(outcomes));
}

/** `evaluate --parser <file>`: findings read from each snippet against the ones its writer labelled. */
function evaluateParser(file: string, knowledgePath: string | undefined, showMisses: boolean): void {
  const snippets = readCaseFile(file, 'snippet', parseParserSnippets);
  const { knowledge } = loadSource(knowledgePath);
  const known = new Set(knowledge.symptoms.map((s) => s.code));
  for (const s of snippets) {
    const unknown = [...s.present, ...s.absent, ...Object.keys(s.durations)].find((code) => !known.has(code));
    if (unknown) throw new UsageError(`${file} line ${s.line}: "${unknown}" is no symptom of the knowledge`);
  }
  const lexicon = buildLexicon(knowledge);
  const outcomes = snippets.map((s) => {
    // As the analysis sees the note: a temperature written in it is a fever finding too.
    const note = readNote(s.text, lexicon);
    return {
      id: s.id,
      ...(s.style ? { style: s.style } : {}),
      expectedPresent: s.present,
      expectedAbsent: s.absent,
      expectedDurations: s.durations,
      found: withVitalFindings(note.findings, note.context, knowledge),
    };
  });
  const { metrics, misses } = parserMetrics(outcomes, ancestry(knowledge));
  printJson(showMisses ? { ...metrics, misses } : metrics);
}

/**
 * `evaluate --outside <file> [--covered <map.csv>]`: how many complaints of conditions the base lacks are answered as
 * outside it. A condition the base has since gained is named in the map (`condition,disease`): its complaints leave
 * the outside share and are measured as cases of that disease instead (`nowCovered`), so the set stays blind.
 */
async function evaluateOutside(file: string, knowledgePath: string | undefined, coveredFile?: string): Promise<void> {
  const cases = readCaseFile(file, 'outside', parseOutsideCases);
  const covered = new Map(
    (coveredFile ? readCaseFile(coveredFile, 'covered-conditions', parseCoveredConditions) : []).map((c) => [
      c.condition,
      c.disease,
    ]),
  );
  const { knowledge } = loadSource(knowledgePath);
  const known = new Set(knowledge.diseases.map((d) => d.code));
  for (const [condition, disease] of covered)
    if (!known.has(disease))
      throw new UsageError(`${coveredFile}: "${condition}" names no disease of the base: ${disease}`);
  const { model } = await currentModel(knowledge, modelDir(), trainingOptions());
  const lexicon = buildLexicon(knowledge);
  const answers = cases.map((c) => {
    const note = readNote(c.text, lexicon);
    const detail = analyseInDetail(note.findings, note.context, model, c.text);
    const differential = detail.differential;
    const outside = detail.analysis.outsideKnowledge === true;
    const disease = c.condition === undefined ? undefined : covered.get(c.condition);
    const rank = disease ? differential.entries.findIndex((e) => e.disease.code === disease) : -1;
    return { difficulty: c.difficulty ?? 'unmarked', outside, disease, rank };
  });
  const share = (of: typeof answers) => of.filter((a) => a.outside).length / of.length;
  const stillOutside = answers.filter((a) => !a.disease);
  const nowCovered = answers.filter((a) => a.disease);
  const difficulties = [...new Set(stillOutside.map((a) => a.difficulty))].sort();
  printJson({
    n: stillOutside.length,
    outsideKnowledge: share(stillOutside),
    byDifficulty: Object.fromEntries(
      difficulties.map((d) => {
        const of = stillOutside.filter((a) => a.difficulty === d);
        return [d, { n: of.length, outsideKnowledge: share(of) }];
      }),
    ),
    ...(coveredFile
      ? {
          nowCovered: {
            n: nowCovered.length,
            top1: nowCovered.filter((a) => a.rank === 0).length / (nowCovered.length || 1),
            top3: nowCovered.filter((a) => a.rank >= 0 && a.rank < 3).length / (nowCovered.length || 1),
            outsideKnowledge: nowCovered.length ? share(nowCovered) : 0,
          },
        }
      : {}),
  });
}

const evaluateCommand: Command = {
  summary:
    'evaluate --knowledge <dir|csv> --cases <file.csv> [--text] [--splits <map.csv>] [--misses] | evaluate --triage <file.csv> | evaluate --parser <file.csv> [--misses] | evaluate --outside <file.csv> [--covered <map.csv>]: figures as one JSON line',
  async run(args) {
    const { values } = parseOptions(args, {
      knowledge: { type: 'string' },
      cases: { type: 'string' },
      text: { type: 'boolean', default: false },
      triage: { type: 'string' },
      parser: { type: 'string' },
      misses: { type: 'boolean', default: false },
      outside: { type: 'string' },
      covered: { type: 'string' },
      splits: { type: 'string' },
    });
    if (values.outside !== undefined) return evaluateOutside(values.outside, values.knowledge, values.covered);
    if (values.triage !== undefined) return evaluateTriage(values.triage, values.knowledge);
    if (values.parser !== undefined) return evaluateParser(values.parser, values.knowledge, values.misses);
    if (!values.knowledge) throw new UsageError('evaluate needs --knowledge <dir|csv>');
    if (!values.cases) throw new UsageError('evaluate needs --cases <file.csv>');
    const input = values.text ? 'text' : 'symptoms';
    const cases = readCaseFile(values.cases, 'cases', (text) => parseLabelledCases(text, input));
    const { knowledge, diseaseLabels } = loadSource(values.knowledge);
    const diseaseOf = labelMatcher(diseaseLabels);
    const symptomOf = labelMatcher(knowledge.symptoms.map((s) => ({ code: s.code, names: [s.name, ...s.terms] })));
    const names = new Map(knowledge.symptoms.map((s) => [s.code, s.name]));
    const labelled = cases.map((c) => {
      const disease = diseaseOf(c.label);
      if (!disease)
        throw new UsageError(`${values.cases} line ${c.line}: label "${c.label}" matches no disease of the knowledge`);
      return { ...c, disease };
    });
    // A disease split off a labelled one after the set was written answers its cases rightly too.
    const alsoRight = new Map<string, string[]>();
    for (const s of values.splits ? readCaseFile(values.splits, 'split-labels', parseSplitLabels) : []) {
      if (!knowledge.diseases.some((d) => d.code === s.alsoRight))
        throw new UsageError(`${values.splits}: "${s.label}" is split into a disease the base lacks: ${s.alsoRight}`);
      alsoRight.set(s.label, [...(alsoRight.get(s.label) ?? []), s.alsoRight]);
    }
    const { model } = await currentModel(knowledge, modelDir(), trainingOptions());
    const lexicon = buildLexicon(knowledge);

    const hits = { top1: 0, top3: 0, top5: 0 };
    const outcomes: Array<{ confidence: number; correct: boolean }> = [];
    let elapsed = 0;
    let outside = 0;
    const misses: Array<{ line: number; expected: string; answered: string[]; findings: string[] }> = [];
    for (const c of labelled) {
      const started = performance.now();
      // A case in words is analysed as the product analyses a note: with the age, sex, pregnancy and vital signs the
      // text states, and the text itself for the outside-knowledge check.
      const note: { findings: Finding[]; context: PatientContext } = values.text
        ? readNote(c.text ?? '', lexicon)
        : {
            findings: (c.symptoms ?? []).flatMap((label) => {
              const symptom = symptomOf(label);
              return symptom ? [{ symptom, name: names.get(symptom) ?? symptom, present: true }] : [];
            }),
            context: {},
          };
      const detail = analyseInDetail(note.findings, note.context, model, values.text ? c.text : undefined);
      const entries = detail.differential.entries;
      elapsed += performance.now() - started;
      if (detail.analysis.outsideKnowledge) outside++;
      const ranked = entries.map((e) => e.disease.code);
      const right = new Set([c.disease, ...(alsoRight.get(c.disease) ?? [])]);
      const rank = ranked.findIndex((code) => right.has(code));
      outcomes.push({ confidence: entries[0]?.probability ?? 0, correct: rank === 0 });
      if (rank === 0) hits.top1++;
      if (rank >= 0 && rank < 3) hits.top3++;
      if (rank >= 0 && rank < 5) hits.top5++;
      if (rank !== 0 && values.misses) {
        misses.push({
          line: c.line,
          expected: c.disease,
          answered: ranked.slice(0, 3),
          findings: detail.analysis.findings.map((f) => `${f.present ? '' : 'no '}${f.symptom}`),
        });
      }
    }
    const n = labelled.length;
    const calibration = reliability(outcomes);
    printJson({
      n,
      top1: hits.top1 / n,
      top3: hits.top3 / n,
      top5: hits.top5 / n,
      meanLatencyMs: elapsed / n,
      backend: model.artifact.backend,
      // How far the top answer's probability is from how often it is right (10 bins of confidence).
      ece: calibration.ece,
      reliability: calibration.bins,
      // Cases of diseases the base holds that were nevertheless answered "outside the knowledge base".
      outsideKnowledge: outside / n,
      ...(values.misses ? { misses } : {}),
    });
  },
};

export const modelCommands: Record<string, Command> = {
  diagnose: diagnoseCommand,
  train: trainCommand,
  evaluate: evaluateCommand,
};
