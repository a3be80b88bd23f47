// The model versions in the database: recording the one in use (for audit), describing it to admins, and the
// confirmed diagnoses a retraining learns from.

import type { ModelInfo } from '@unani/contracts';
import type { ConfirmedCase, DiagnosisModel } from '@unani/engine';
import type { Db } from '../db/prisma.ts';

/** Records the model in ModelVersion and marks it as the current one. */
export async function registerModelVersion(db: Db, model: DiagnosisModel, artifactPath: string): Promise<void> {
  const a = model.artifact;
  const data = {
    knowledgeHash: a.knowledgeHash,
    trainingDataHash: a.trainingDataHash,
    backend: a.backend,
    metrics: { ...a.metrics },
    artifactPath,
  };
  await db.$transaction(async (tx) => {
    await tx.modelVersion.upsert({
      where: { version: a.version },
      create: { version: a.version, ...data, current: true },
      update: { ...data, current: true },
    });
    await tx.modelVersion.updateMany({
      where: { version: { not: a.version }, current: true },
      data: { current: false },
    });
  });
}

/** The recorded version, with its metrics, as the admin page shows it; null when none is loaded or recorded. */
export async function modelVersionView(db: Db, version: string | undefined): Promise<ModelInfo['current']> {
  const row = version
    ? await db.modelVersion.findUnique({
        where: { version },
        select: { version: true, backend: true, knowledgeHash: true, createdAt: true, metrics: true },
      })
    : null;
  return row
    ? { ...row, createdAt: row.createdAt.toISOString(), metrics: row.metrics as Record<string, unknown> }
    : null;
}

/**
 * Confirmed diagnoses with their findings and patient context, as training cases. A deleted patient's visits are
 * left out: deletion withdraws them from research and from training alike.
 */
export async function confirmedCases(db: Db): Promise<ConfirmedCase[]> {
  const rows = await db.diagnosis.findMany({
    where: { encounter: { patient: { deletedAt: null } } },
    select: {
      disease: { select: { code: true } },
      encounter: {
        select: {
          temperament: true,
          patient: { select: { age: true, sex: true, temperament: true } },
          findings: { select: { present: true, symptom: { select: { code: true } } } },
        },
      },
    },
  });
  return rows
    .filter((r) => r.encounter.findings.length > 0)
    .map((r) => {
      const temperament = r.encounter.temperament ?? r.encounter.patient.temperament;
      return {
        disease: r.disease.code,
        findings: r.encounter.findings.map((f) => ({ symptom: f.symptom.code, present: f.present })),
        context: {
          ageYears: r.encounter.patient.age,
          sex: r.encounter.patient.sex,
          ...(temperament ? { temperament } : {}),
        },
      };
    });
}
