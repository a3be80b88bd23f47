// Training progress to the job row at a sensible rate: every stage change, otherwise at most twice a second, and
// never two writes at once. Each write also renews the job's lease.
import type { TrainingProgress } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { type ClaimedJob, reportProgress } from '../services/trainingJobService.ts';

/** Shortest gap between two progress writes within a stage. */
export const PROGRESS_WRITE_MS = 500;

export interface ProgressWriter {
  update(progress: Pick<TrainingProgress, 'done' | 'total'> & { stage: string }): void;
  /** Waits for the writes in flight and writes the latest progress; false when the job is no longer ours. */
  flush(): Promise<boolean>;
}

export function progressWriter(db: Db, claim: ClaimedJob, leaseMs?: number): ProgressWriter {
  let latest: { stage: string; done: number; total: number } | undefined;
  let written: typeof latest;
  let lastWriteAt = 0;
  let inFlight: Promise<boolean> = Promise.resolve(true);
  let writing = false;
  let owned = true;

  const write = () => {
    const next = latest;
    if (!next) return inFlight;
    writing = true;
    lastWriteAt = Date.now();
    written = next;
    inFlight = inFlight
      .then(() => reportProgress(db, claim, next, leaseMs))
      .then((ok) => {
        owned &&= ok;
        return owned;
      })
      .catch(() => owned) // A missed progress write is retried by the next one; the job goes on.
      .finally(() => {
        writing = false;
      });
    return inFlight;
  };

  return {
    update(progress) {
      const stageChanged = progress.stage !== latest?.stage;
      latest = { stage: progress.stage, done: progress.done, total: progress.total };
      if (!writing && (stageChanged || Date.now() - lastWriteAt >= PROGRESS_WRITE_MS)) void write();
    },
    async flush() {
      await inFlight;
      if (latest && latest !== written) return write();
      return owned;
    },
  };
}
