// `cdss worker`: the long-running process that trains models from the job table (beside `cdss serve`).
import { setPriority } from 'node:os';
import { toEngineKnowledge } from '@unani/knowledge';
import { defaultModelDir } from '../config/paths.ts';
import { createPrisma } from '../db/prisma.ts';
import { abandonJob } from '../services/trainingJobService.ts';
import { startWorker } from '../worker/workerLoop.ts';
import type { Command } from './command.ts';
import { commandEnv, loadProjectKnowledge, log } from './context.ts';

/** How far below normal the worker runs (POSIX nice 10); a process may always lower its own priority. */
const WORKER_NICENESS = 10;

function lowerPriority() {
  try {
    setPriority(WORKER_NICENESS);
  } catch {
    // A platform that refuses (some containers) trains at normal priority.
  }
}

export const workerCommands: Record<string, Command> = {
  worker: {
    summary: 'train models from the queued training jobs until stopped (run beside "cdss serve")',
    async run() {
      // Training is batch work: on a machine it shares with servers, the servers' requests come first.
      lowerPriority();
      const { env, target } = commandEnv();
      const knowledge = toEngineKnowledge(loadProjectKnowledge());
      const db = createPrisma(target, 2);
      const modelDir = env.MODEL_DIR ?? defaultModelDir;
      const worker = startWorker({ db, knowledge, modelDir, backend: env.ENGINE_BACKEND, log });
      log(`Training worker started (knowledge ${knowledge.hash.slice(0, 16)}, models in ${modelDir}).`);
      await new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          // Training cannot be interrupted; a job in hand is marked failed now rather than after its lease.
          const job = worker.runningJob();
          log(`${signal} received: stopping the worker${job ? ` (job ${job} marked failed)` : ''}.`);
          if (job) {
            await abandonJob(db, job, 'The worker was stopped mid-job; start the retraining again.').catch(() => {});
            await db.$disconnect();
            process.exit(1);
          }
          await worker.stop();
          await db.$disconnect();
          resolve();
        };
        process.once('SIGTERM', () => void stop('SIGTERM'));
        process.once('SIGINT', () => void stop('SIGINT'));
      });
    },
  },
};
