// Runs the engine on a visit's accepted findings and keeps the output as a Suggestion for audit.
import { ADVISORY_NOTICE, Analysis } from '@unani/contracts';
import type { PatientContext } from '@unani/engine';
import type { DbTx } from '../db/prisma.ts';
import type { ClinicalEngine } from '../engine/clinicalEngine.ts';
import { notFound } from '../plugins/errors.ts';
import { advanceStatus, findingOfRow, lockOwnedEncounter, ownedEncounter } from './encounterService.ts';

type OwnedEncounter = Awaited<ReturnType<typeof ownedEncounter>>;

function contextOf(e: OwnedEncounter): PatientContext {
  const temperament = e.temperament ?? e.patient.temperament;
  return {
    ageYears: e.patient.age,
    sex: e.patient.sex,
    ...(temperament ? { temperament } : {}),
  };
}

export async function analyseEncounter(
  db: DbTx,
  engine: ClinicalEngine,
  practitionerId: string,
  id: string,
): Promise<Analysis> {
  await lockOwnedEncounter(db, practitionerId, id);
  const encounter = await ownedEncounter(db, practitionerId, id);
  await advanceStatus(db, id, encounter.status, 'analysed');
  const analysis = engine.analyse(encounter.findings.map(findingOfRow), contextOf(encounter));
  const model = await db.modelVersion.findUnique({ where: { version: analysis.modelVersion }, select: { id: true } });
  await db.suggestion.create({
    data: {
      encounterId: id,
      modelVersionId: model?.id ?? null,
      modelVersion: analysis.modelVersion,
      differential: analysis.differential,
      redFlags: analysis.redFlags,
      nextQuestions: analysis.nextQuestions,
      flat: analysis.flat,
      explanation: analysis.explanation,
      topDiseaseCode: analysis.differential[0]?.disease.code ?? null,
    },
  });
  return analysis;
}

/**
 * The visit's latest analysis as it was given (differential, red flags, questions, explanation), with
 * the visit's current findings; 404 when the visit was never analysed.
 */
export async function latestAnalysis(db: DbTx, practitionerId: string, id: string): Promise<Analysis> {
  const encounter = await ownedEncounter(db, practitionerId, id);
  const snapshot = await db.suggestion.findFirst({
    where: { encounterId: id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      differential: true,
      redFlags: true,
      nextQuestions: true,
      flat: true,
      explanation: true,
      modelVersion: true,
    },
  });
  if (!snapshot) throw notFound('An analysis of this visit');
  return Analysis.parse({
    findings: encounter.findings.map(findingOfRow),
    differential: snapshot.differential,
    flat: snapshot.flat,
    explanation: snapshot.explanation ?? [],
    redFlags: snapshot.redFlags,
    nextQuestions: snapshot.nextQuestions,
    modelVersion: snapshot.modelVersion,
    advisory: ADVISORY_NOTICE,
  });
}
