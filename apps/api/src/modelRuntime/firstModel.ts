// Waiting for the first model of a knowledge base (`cdss serve --wait-for-model`, what `npm start` runs): the worker
// trains it; this shows the job's progress from its row and loads the model once it is active.
import { setTimeout as sleep } from 'node:timers/promises';
import type { EngineKnowledge } from '@unani/engine';
import type { Db } from '../db/prisma.ts';
import { latestJob } from '../services/trainingJobService.ts';
import type { ClinicalEngine } from './clinicalEngine.ts';
import { loadEngine } from './loadEngine.ts';
import { trainingProgressBar } from './progressBar.ts';

const WAIT_POLL_MS = 1_000;

export async function waitForFirstModel(
  db: Db,
  knowledge: EngineKnowledge,
  options: { modelDir: string; log: (line: string) => void },
): Promise<ClinicalEngine> {
  const bar = trainingProgressBar();
  try {
    for (;;) {
      const engine = await loadEngine(db, knowledge, options);
      if (engine) return engine;
      const job = await latestJob(db);
      if (job?.status === 'failed' || job?.status === 'rejected')
        throw new Error(`Training the first model failed: ${job.error ?? job.status}`);
      if (job?.stage && job.total > 0) bar.update({ stage: job.stage as 'sampling', done: job.done, total: job.total });
      await sleep(WAIT_POLL_MS);
    }
  } finally {
    bar.stop();
  }
}
