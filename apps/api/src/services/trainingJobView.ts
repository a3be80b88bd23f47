// The newest training job as the admin page shows it (ModelInfo.training).
import { ModelEvaluation, type ModelInfo } from '@unani/contracts';
import type { TrainingJobRow } from './trainingJobService.ts';

const summary: Record<TrainingJobRow['status'], ModelInfo['training']['status']> = {
  queued: 'training',
  running: 'training',
  done: 'done',
  failed: 'failed',
  rejected: 'rejected',
};

export function trainingView(job: TrainingJobRow | null): ModelInfo['training'] {
  if (!job) return { status: 'idle' };
  const evaluation = ModelEvaluation.safeParse(job.evaluation);
  const version = job.modelVersion?.version ?? (evaluation.success ? evaluation.data.candidate.version : undefined);
  return {
    status: summary[job.status],
    jobId: job.id,
    jobStatus: job.status,
    ...(job.stage ? { stage: job.stage } : {}),
    ...(job.total > 0 ? { done: job.done, total: job.total } : {}),
    requestedAt: job.createdAt.toISOString(),
    ...(job.startedAt ? { startedAt: job.startedAt.toISOString() } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
    ...(job.confirmedCases !== null ? { confirmedCases: job.confirmedCases } : {}),
    ...(version ? { version } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(evaluation.success ? { evaluation: evaluation.data } : {}),
  };
}
