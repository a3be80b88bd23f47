// Confirming a diagnosis: the practitioner's decision, possibly a disease the engine did not suggest.
import type { Db } from '../db/prisma.ts';
import { invalid } from './domainErrors.ts';
import { advanceStatus, changeOpenVisit } from './encounterService.ts';

export function confirmDiagnosis(
  db: Db,
  practitionerId: string,
  encounterId: string,
  diseaseCode: string,
  note?: string,
) {
  return changeOpenVisit(db, practitionerId, encounterId, async (tx, encounter) => {
    const disease = await tx.disease.findUnique({
      where: { code: diseaseCode },
      select: { id: true, code: true, name: true, englishName: true },
    });
    if (!disease) {
      throw invalid(`Unknown disease "${diseaseCode}".`, [
        { field: 'body.diseaseCode', message: 'no disease with this code in the knowledge base' },
      ]);
    }
    await advanceStatus(tx, encounterId, encounter.status, 'diagnosed');
    const latest = await tx.suggestion.findFirst({
      where: { encounterId },
      orderBy: { createdAt: 'desc' },
      select: { differential: true },
    });
    const suggested =
      (latest?.differential as { disease: { code: string } }[] | undefined)?.some(
        (d) => d.disease.code === diseaseCode,
      ) ?? false;
    const data = {
      diseaseId: disease.id,
      confirmedById: practitionerId,
      note: note ?? null,
      fromSuggestion: suggested,
    };
    const row = await tx.diagnosis.upsert({
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
  });
}
