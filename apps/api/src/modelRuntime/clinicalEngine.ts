// The engine as the API holds it: one loaded model and its lexicon. Parsing, context and analysis are the engine's
// own functions; this only binds them to the loaded model.
import type { Analysis, Finding, PatientContext, PrescribingWarning, VisitSafety } from '@unani/contracts';
import {
  analyse,
  buildLexicon,
  checkPlan,
  type DiagnosisModel,
  type EngineKnowledge,
  type Lexicon,
  mergeContext,
  type PrescribedItem,
  type ReadNote,
  readNote,
  visitSafety,
} from '@unani/engine';

export interface ClinicalEngine {
  modelVersion: string;
  knowledgeHash: string;
  backend: string;
  /** Findings and patient context (age, sex, pregnancy, vital signs) of a note. */
  read(text: string): ReadNote;
  analyse(findings: readonly Finding[], context: PatientContext): Analysis;
  /** Triage and red flags alone (no differential), for a visit still being written. */
  safety(findings: readonly Finding[], context: PatientContext): VisitSafety;
  /**
   * Analyses a note and/or picked findings: a picked finding overrides a mention of the same symptom in the text,
   * and the given context overrides what the text says of the patient.
   */
  analyseNote(input: {
    text?: string;
    findings?: readonly Finding[];
    context?: PatientContext;
    /** The visit's complaint when its findings were read from it earlier (`text` is read again; this is not). */
    complaint?: string;
  }): Analysis;
  /**
   * Dose, contraindication, toxicity and Mizaj warnings for each plan item, for this patient and visit (and its
   * confirmed disease, when there is one).
   */
  checkPlan(
    items: readonly PrescribedItem[],
    findings: readonly Finding[],
    context: PatientContext,
    diseaseCode?: string,
  ): PrescribingWarning[][];
  hasSymptom(code: string): boolean;
  symptomName(code: string): string | undefined;
}

/**
 * The lexicon depends on the knowledge alone, and building it takes 0.3–0.7 s of one core: a new model of the same
 * knowledge (a retrain, swapped in while requests are served) reuses the one built for the last.
 */
const lexicons = new WeakMap<EngineKnowledge, Lexicon>();

function lexiconOf(knowledge: EngineKnowledge): Lexicon {
  let lexicon = lexicons.get(knowledge);
  if (!lexicon) {
    lexicon = buildLexicon(knowledge);
    lexicons.set(knowledge, lexicon);
  }
  return lexicon;
}

export function createClinicalEngine(model: DiagnosisModel): ClinicalEngine {
  const names = new Map(model.knowledge.symptoms.map((s) => [s.code, s.name]));
  const lexicon = lexiconOf(model.knowledge);
  const read = (text: string) => readNote(text, lexicon);
  return {
    modelVersion: model.artifact.version,
    knowledgeHash: model.artifact.knowledgeHash,
    backend: model.artifact.backend,
    read,
    hasSymptom: (code) => names.has(code),
    symptomName: (code) => names.get(code),
    analyse: (findings, context) => analyse(findings, context, model),
    safety: (findings, context) => visitSafety(findings, context, model.knowledge),
    checkPlan: (items, findings, context, diseaseCode) =>
      checkPlan(items, findings, context, model.knowledge, diseaseCode),
    analyseNote({ text, findings = [], context = {}, complaint }) {
      const note = text ? read(text) : { findings: [], context: {} };
      const picked = new Set(findings.map((f) => f.symptom));
      const merged = [...note.findings.filter((f) => !picked.has(f.symptom)), ...findings];
      return analyse(merged, mergeContext(context, note.context), model, text ?? complaint);
    },
  };
}
