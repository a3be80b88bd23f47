// A patient's Mizaj assessments. The questionnaire's answers are scored here (the same pure function the form shows
// its result with) and kept with their scores; saving one sets the patient's Mizaj. A Mizaj set through the record
// by judgement is kept as an assessment too, so the history says how each came about (decision 0025).
import {
  type ListQuery,
  MIN_ANSWERED,
  MIZAJ_QUESTIONNAIRE_VERSION,
  type MizajAssessmentCreate,
  type MizajAssessmentView,
  type MizajUndecided,
  mizajQuestions,
  scoreMizaj,
  type Temperament,
  type TemperamentBasis,
} from '@unani/contracts';
import type { Db, DbTx } from '../db/prisma.ts';
import { inTransaction } from '../db/transactions.ts';
import { invalid, notFound } from './domainErrors.ts';
import { pageArgs, toPage } from './pagination.ts';

export const assessmentSelect = {
  id: true,
  method: true,
  temperament: true,
  confidence: true,
  hotCold: true,
  moistDry: true,
  answered: true,
  answers: true,
  questionnaire: true,
  assessedAt: true,
} as const;

type AssessmentRow = {
  id: string;
  method: MizajAssessmentView['method'];
  temperament: Temperament | null;
  confidence: number | null;
  hotCold: number | null;
  moistDry: number | null;
  answered: number | null;
  answers: unknown;
  questionnaire: string | null;
  assessedAt: Date;
};

function toAssessmentView(row: AssessmentRow): MizajAssessmentView {
  return {
    ...row,
    answers: (row.answers as Record<string, string> | null) ?? null,
    assessedAt: row.assessedAt.toISOString(),
  };
}

/** The newest assessment of each patient, as a patient's view needs it. */
export const latestAssessment = {
  select: { method: true, temperament: true, assessedAt: true, confidence: true },
  orderBy: [{ assessedAt: 'desc' as const }, { id: 'desc' as const }],
  take: 1,
};

/**
 * How the patient's Mizaj was set: by the newest assessment when it gave this Mizaj; a Mizaj recorded before
 * assessments were kept was chosen from the list, that is by judgement, on a day nobody recorded.
 */
export function temperamentBasis(
  temperament: Temperament | null,
  latest: Pick<AssessmentRow, 'method' | 'temperament' | 'assessedAt' | 'confidence'> | undefined,
): TemperamentBasis | null {
  if (!temperament) return null;
  if (!latest || latest.temperament !== temperament) return { method: 'judgement', assessedAt: null, confidence: null };
  return { method: latest.method, assessedAt: latest.assessedAt.toISOString(), confidence: latest.confidence };
}

const owned = (practitionerId: string, id: string) => ({ id, practitionerId, deletedAt: null });

const UNDECIDED: Record<MizajUndecided, string> = {
  'too-few-answers': `Answer at least ${MIN_ANSWERED} of the ${mizajQuestions.length} questions; "not known" does not count.`,
  'hot-cold-undecided':
    'The answers lean neither hot nor cold: answer more of the questions, or set the Mizaj by judgement.',
  'moist-dry-undecided':
    'The answers lean neither moist nor dry: answer more of the questions, or set the Mizaj by judgement.',
};

/** Scores and keeps the questionnaire, and sets the patient's Mizaj to its result; 400 when it names none. */
export async function createMizajAssessment(
  db: Db,
  practitionerId: string,
  patientId: string,
  input: MizajAssessmentCreate,
): Promise<MizajAssessmentView> {
  return inTransaction(db, async (tx) => {
    const patient = await tx.patient.findFirst({ where: owned(practitionerId, patientId), select: { id: true } });
    if (!patient) throw notFound('The patient');
    const answers = Object.fromEntries(Object.entries(input.answers).filter(([, a]) => a !== undefined)) as Record<
      string,
      string
    >;
    const score = scoreMizaj(answers);
    if (!score.temperament) {
      const message = UNDECIDED[score.undecided ?? 'too-few-answers'];
      throw invalid(message, [{ field: 'body.answers', message }]);
    }
    await tx.patient.update({ where: { id: patientId }, data: { temperament: score.temperament } });
    const row = await tx.mizajAssessment.create({
      data: {
        patientId,
        practitionerId,
        method: 'questionnaire',
        temperament: score.temperament,
        answers,
        questionnaire: MIZAJ_QUESTIONNAIRE_VERSION,
        hotCold: score.hotCold,
        moistDry: score.moistDry,
        answered: score.answered,
        confidence: score.confidence,
      },
      select: assessmentSelect,
    });
    return toAssessmentView(row);
  });
}

/** The patient's assessments, newest first. */
export async function listMizajAssessments(db: DbTx, practitionerId: string, patientId: string, query: ListQuery) {
  const patient = await db.patient.findFirst({ where: owned(practitionerId, patientId), select: { id: true } });
  if (!patient) throw notFound('The patient');
  const rows = await db.mizajAssessment.findMany({
    where: { patientId },
    orderBy: [{ assessedAt: 'desc' }, { id: 'desc' }],
    select: assessmentSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query, toAssessmentView);
}

/**
 * Keeps a Mizaj the practitioner set through the record (registration, or a change of the patient's details) as a
 * judgement; called in the transaction that changes the patient, only when the Mizaj changes.
 */
export async function recordJudgement(
  tx: DbTx,
  practitionerId: string,
  patientId: string,
  temperament: Temperament | null,
): Promise<void> {
  await tx.mizajAssessment.create({ data: { patientId, practitionerId, method: 'judgement', temperament } });
}
