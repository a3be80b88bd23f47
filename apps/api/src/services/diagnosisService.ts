// Confirming a diagnosis: the practitioner's decision, possibly a disease the engine did not suggest.
import type { DbTx } from '../db/prisma.ts';
import { HttpProblem } from '../plugins/errors.ts';
import { advanceStatus, lockOwnedEncounter, ownedEncounter } from './encounterService.ts';

export async function confirmDiagnosis(
  db: DbTx,
  practitionerId: string,
  encounterId: string,
  diseaseCode: string,
  note?: string,
) {
  await lockOwnedEncounter(db, practitionerId, encounterId);
  const encounter = await ownedEncounter(db, practitionerId, encounterId);
  if (encounter.status === 'closed')
    throw new HttpProblem(409, 'Conflict', 'This visit is closed and can no longer change.');
  const disease = await db.disease.findUnique({
    where: { code: diseaseCode },
    select: { id: true, code: true, name: true, englishName: true },
  });
  if (!disease) {
    throw new HttpProblem(400, 'Bad Request', `Unknown disease "${diseaseCode}".`, [
      { field: 'body.diseaseCode', message: 'no disease with this code in the knowledge base' },
    ]);
  }
  await advanceStatus(db, encounterId, encounter.status, 'diagnosed');
  const latest = await db.suggestion.findFirst({
    where: { encounterId },
    orderBy: { createdAt: 'desc' },
    select: { differential: true },
  });
  const suggested =
    (latest?.differential as { disease: { code: string } }[] | undefined)?.some(
      (d) => d.disease.code === diseaseCode,
    ) ?? false;
  const data = { diseaseId: disease.id, confirmedById: practitionerId, note: note ?? null, fromSuggestion: suggested };
  const row = await db.diagnosis.upsert({
    where: { encounterId },
    create: { encounterId, ...data },
    update: { ...data, createdAt: new Date() },
  });
  const { id: _id, ...diseaseRef } = disease;
  return {
    disease: diseaseRef,
    confirmedAt: row.createdAt.toISOString(),
    fromSuggestion: row.fromSuggestion,
    note: row.note,
  };
}
