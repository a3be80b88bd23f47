// Training jobs in the database: queued by an admin or by a server without a model, claimed by exactly one worker,
// progress written to the row, finished once. Every replica reads the same rows, so all answer alike.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { TrainingJobStatus } from '../generated/prisma/enums.ts';

export type { TrainingJobStatus };

/**
 * How long a claimed job stays the worker's without a sign of life. Training runs on the worker's one thread, so the
 * lease is renewed at each progress step, not by a timer; ten minutes covers the longest step (the tree on the full
 * knowledge base takes well under a minute on two cores).
 */
export const JOB_LEASE_MS = 10 * 60_000;

export const EXPIRED_LEASE_ERROR =
  'The worker stopped before finishing (its lease expired); start the retraining again.';

const jobSelect = {
  id: true,
  status: true,
  stage: true,
  done: true,
  total: true,
  confirmedCases: true,
  evaluation: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  requestedById: true,
  modelVersion: { select: { version: true } },
} as const;

export interface TrainingJobRow {
  id: string;
  status: TrainingJobStatus;
  stage: string | null;
  done: number;
  total: number;
  confirmedCases: number | null;
  evaluation: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  requestedById: string | null;
  modelVersion: { version: string } | null;
}

/** A claimed job: its row and the token that proves the claim on every later write. */
export interface ClaimedJob {
  job: TrainingJobRow;
  token: string;
}

/** Queues a training unless one is queued or running already, which is returned instead: one at a time is enough. */
export async function enqueueTraining(db: Db, requestedById: string | null): Promise<TrainingJobRow> {
  const pending = await db.trainingJob.findFirst({
    where: { status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'desc' },
    select: jobSelect,
  });
  if (pending) return pending;
  return db.trainingJob.create({ data: { status: 'queued', requestedById }, select: jobSelect });
}

/** The newest job, what the admin page shows; null before the first. */
export function latestJob(db: Db): Promise<TrainingJobRow | null> {
  return db.trainingJob.findFirst({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: jobSelect });
}

/** Marks running jobs whose lease has passed as failed: their worker died or was stopped mid-job. */
export async function failExpiredJobs(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.trainingJob.updateMany({
    where: { status: 'running', leaseUntil: { lt: now } },
    data: { status: 'failed', error: EXPIRED_LEASE_ERROR, finishedAt: now, claimToken: null },
  });
  return count;
}

/**
 * Claims the oldest queued job, or returns null. The claim is one conditional UPDATE (status still 'queued'): InnoDB
 * re-reads the row under its lock, so of two workers racing for a job exactly one changes it, the other sees zero
 * rows and tries the next job.
 */
export async function claimNextJob(db: Db, leaseMs = JOB_LEASE_MS): Promise<ClaimedJob | null> {
  for (;;) {
    const next = await db.trainingJob.findFirst({
      where: { status: 'queued' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    if (!next) return null;
    const token = randomUUID();
    const now = new Date();
    const { count } = await db.trainingJob.updateMany({
      where: { id: next.id, status: 'queued' },
      data: { status: 'running', claimToken: token, startedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (count === 1) {
      const job = await db.trainingJob.findUniqueOrThrow({ where: { id: next.id }, select: jobSelect });
      return { job, token };
    }
  }
}

/** Writes progress and renews the lease; false when the job is no longer this worker's (its lease expired). */
export async function reportProgress(
  db: Db,
  claim: ClaimedJob,
  progress: { stage?: string; done?: number; total?: number; confirmedCases?: number },
  leaseMs = JOB_LEASE_MS,
): Promise<boolean> {
  const { count } = await db.trainingJob.updateMany({
    where: { id: claim.job.id, claimToken: claim.token, status: 'running' },
    data: { ...progress, leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return count === 1;
}

export interface JobOutcome {
  status: Extract<TrainingJobStatus, 'done' | 'failed' | 'rejected'>;
  error?: string;
  evaluation?: Prisma.InputJsonObject;
  modelVersionId?: string;
}

/** Ends a claimed job; false when it was no longer this worker's. */
export async function finishJob(db: Db, claim: ClaimedJob, outcome: JobOutcome): Promise<boolean> {
  const { count } = await db.trainingJob.updateMany({
    where: { id: claim.job.id, claimToken: claim.token, status: 'running' },
    data: {
      status: outcome.status,
      error: outcome.error ?? null,
      ...(outcome.evaluation ? { evaluation: outcome.evaluation } : {}),
      modelVersionId: outcome.modelVersionId ?? null,
      finishedAt: new Date(),
      claimToken: null,
      leaseUntil: null,
    },
  });
  return count === 1;
}

/** Marks a running job failed at once, e.g. when its worker is being stopped and cannot finish it. */
export async function abandonJob(db: Db, id: string, error: string): Promise<void> {
  await db.trainingJob.updateMany({
    where: { id, status: 'running' },
    data: { status: 'failed', error, finishedAt: new Date(), claimToken: null, leaseUntil: null },
  });
}
