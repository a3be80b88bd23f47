// `cdss worker`'s loop: fail jobs whose worker died, claim the oldest queued job, run it, and poll again.
import { setTimeout as sleep } from 'node:timers/promises';
import { claimNextJob, failExpiredJobs } from '../services/trainingJobService.ts';
import { type JobDeps, runJob } from './runJob.ts';

/** How often an idle worker looks for a queued job. */
export const WORKER_POLL_MS = 2_000;

export interface Worker {
  /** Stops after the job in hand (if any); resolves once the loop has ended. */
  stop(): Promise<void>;
  /** The job being run, if any (to mark it failed when the process must exit at once). */
  runningJob(): string | undefined;
}

export function startWorker(deps: JobDeps & { pollMs?: number }): Worker {
  const pollMs = deps.pollMs ?? WORKER_POLL_MS;
  const idle = new AbortController();
  let stopping = false;
  let running: string | undefined;
  let lastError = '';

  const loop = async () => {
    while (!stopping) {
      try {
        const expired = await failExpiredJobs(deps.db);
        if (expired > 0) deps.log(`Marked ${expired} training job(s) failed: their worker stopped mid-job.`);
        const claim = await claimNextJob(deps.db, deps.leaseMs);
        lastError = '';
        if (claim) {
          running = claim.job.id;
          deps.log(`Training job ${claim.job.id} claimed.`);
          await runJob(deps, claim);
          running = undefined;
          continue;
        }
      } catch (error) {
        // The database may still be starting or migrating beside us: say so once, then keep polling.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) deps.log(`Worker waiting for the database: ${message}`);
        lastError = message;
      }
      await sleep(pollMs, undefined, { signal: idle.signal }).catch(() => {});
    }
  };
  const done = loop();
  return {
    async stop() {
      stopping = true;
      idle.abort();
      await done;
    },
    runningJob: () => running,
  };
}
