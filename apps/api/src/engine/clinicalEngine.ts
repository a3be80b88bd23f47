// The engine as the API uses it: one loaded model and parser, answering in the API's contract shapes.
import { ADVISORY_NOTICE, type Analysis, type FindingView } from '@unani/contracts';
import {
  type DiagnosisModel,
  diagnose,
  type Finding,
  nextQuestions,
  type PatientContext,
  redFlags,
} from '@unani/engine';

/** Suggested questions shown after an analysis. */
export const NEXT_QUESTIONS_SHOWN = 5;

export interface ClinicalEngine {
  modelVersion: string;
  knowledgeHash: string;
  backend: string;
  parse(text: string): FindingView[];
  analyse(findings: Finding[], context: PatientContext): Analysis;
  hasSymptom(code: string): boolean;
  symptomName(code: string): string | undefined;
}

export function createClinicalEngine(model: DiagnosisModel, parseText: (text: string) => Finding[]): ClinicalEngine {
  const names = new Map(model.knowledge.symptoms.map((s) => [s.code, s.name]));
  const ref = (f: { symptom: string; name: string }) => ({ code: f.symptom, name: f.name });
  const toView = (f: Finding): FindingView => ({
    symptom: f.symptom,
    name: f.name,
    present: f.present,
    ...(f.uncertain ? { uncertain: true } : {}),
    ...(f.durationDays !== undefined ? { durationDays: f.durationDays } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.span ? { span: f.span } : {}),
  });
  return {
    modelVersion: model.artifact.version,
    knowledgeHash: model.artifact.knowledgeHash,
    backend: model.artifact.backend,
    parse: (text) => parseText(text).map(toView),
    hasSymptom: (code) => names.has(code),
    symptomName: (code) => names.get(code),
    analyse(findings, context) {
      const differential = diagnose(findings, context, model);
      const questions = nextQuestions(findings, differential, model.knowledge, NEXT_QUESTIONS_SHOWN);
      const explanation = [
        ...differential.explanation.topFindings.map(
          (f) =>
            `${f.name} ${f.present ? 'present' : 'absent'} ${f.weight >= 0 ? 'supports' : 'weighs against'} the leading diagnosis`,
        ),
        ...(differential.explanation.treePath.length
          ? [`Decision tree: ${differential.explanation.treePath.join(' → ')}`]
          : []),
      ];
      return {
        findings: findings.map(toView),
        differential: differential.entries.map((e) => ({
          disease: e.disease,
          probability: e.probability,
          supporting: e.supporting.map(ref),
          missing: e.missing.map(ref),
          against: e.against.map(ref),
        })),
        flat: differential.flat,
        explanation,
        redFlags: redFlags(findings, context, model.knowledge.redFlags).map((r) => ({
          code: r.code,
          message: r.message,
          urgency: r.urgency,
          findings: r.triggeredBy.map((t) => t.symptom),
        })),
        nextQuestions: questions.map((q) => ({
          symptom: q.symptom,
          name: q.name,
          reason: q.reason,
          expectedGain: q.expectedInformationGain,
        })),
        modelVersion: model.artifact.version,
        advisory: ADVISORY_NOTICE,
      };
    },
  };
}
