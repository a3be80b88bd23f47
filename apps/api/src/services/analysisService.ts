// Runs the engine on a visit's accepted findings and keeps the output as a Suggestion for audit.
import type { Analysis } from '@unani/contracts';
import type { PatientContext } from '@unani/engine';
import type { DbTx } from '../db/prisma.ts';
import type { ClinicalEngine } from '../engine/clinicalEngine.ts';
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
      topDiseaseCode: analysis.differential[0]?.disease.code ?? null,
    },
  });
  return analysis;
}
