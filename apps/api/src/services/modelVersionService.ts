// The model versions in the database: recording the one in use (for audit), describing it to admins, and the
// confirmed diagnoses a retraining learns from.

import type { ModelInfo } from '@unani/contracts';
import type { ConfirmedCase, DiagnosisModel } from '@unani/engine';
import type { Db, DbTx } from '../db/prisma.ts';
import { capPerPractitioner, MAX_CASES_PER_PRACTITIONER } from './practitionerCap.ts';

/** Records the model in ModelVersion and marks it as the current one; returns the row's id. */
export async function registerModelVersion(db: Db, model: DiagnosisModel, artifactPath: string): Promise<string> {
  const a = model.artifact;
  const data = {
    knowledgeHash: a.knowledgeHash,
    trainingDataHash: a.trainingDataHash,
    backend: a.backend,
    metrics: { ...a.metrics },
    artifactPath,
  };
  return db.$transaction(async (tx) => {
    const row = await tx.modelVersion.upsert({
      where: { version: a.version },
      create: { version: a.version, ...data, current: true },
      update: { ...data, current: true },
      select: { id: true },
    });
    await tx.modelVersion.updateMany({
      where: { version: { not: a.version }, current: true },
      data: { current: false },
    });
    return row.id;
  });
}

/** Ids of stored versions, per database client: a version's row keeps its id, so it is asked for once. */
const versionIds = new WeakMap<Db, Map<string, string>>();

/**
 * The id of the stored row of model `version` (null when none is stored), read through `tx` the first time a server
 * (`db`) asks for it.
 */
export async function modelVersionId(db: Db, tx: DbTx, version: string): Promise<string | null> {
  let known = versionIds.get(db);
  if (!known) {
    known = new Map<string, string>();
    versionIds.set(db, known);
  }
  const cached = known.get(version);
  if (cached) return cached;
  const row = await tx.modelVersion.findUnique({ where: { version }, select: { id: true } });
  if (row) known.set(version, row.id);
  return row?.id ?? null;
}

export interface ActiveModelRow {
  id: string;
  version: string;
  knowledgeHash: string;
  artifactPath: string;
}

/** The version marked current: one indexed row, cheap enough for every replica to ask every few seconds. */
export function activeModelVersion(db: Db): Promise<ActiveModelRow | null> {
  return db.modelVersion.findFirst({
    where: { current: true },
    select: { id: true, version: true, knowledgeHash: true, artifactPath: true },
  });
}

/** The version marked current, with its metrics, as the admin page shows it; null before the first. */
export async function modelVersionView(db: Db): Promise<ModelInfo['current']> {
  const row = await db.modelVersion.findFirst({
    where: { current: true },
    select: { version: true, backend: true, knowledgeHash: true, createdAt: true, metrics: true },
  });
  return row
    ? { ...row, createdAt: row.createdAt.toISOString(), metrics: row.metrics as Record<string, unknown> }
    : null;
}

/**
 * Confirmed diagnoses with their findings and patient context, as training cases. A deleted patient's visits are
 * left out: deletion withdraws them from research and from training alike. Each practitioner contributes at most
 * `cap` cases (practitionerCap.ts), so no single account can steer the model.
 */
export async function confirmedCases(db: Db, cap = MAX_CASES_PER_PRACTITIONER): Promise<ConfirmedCase[]> {
  const all = await db.diagnosis.findMany({
    where: { encounter: { patient: { deletedAt: null } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      confirmedById: true,
      createdAt: true,
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
  return capPerPractitioner(
    all.filter((r) => r.encounter.findings.length > 0),
    cap,
  ).map((r) => {
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
