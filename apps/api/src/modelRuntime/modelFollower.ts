// Follows the active ModelVersion: every few seconds one indexed query; when another version has become current for
// this knowledge, its file is loaded and the engine swapped, so every replica serves a new model without a restart.
import { readFileSync } from 'node:fs';
import { type EngineKnowledge, loadModel } from '@unani/engine';
import type { FastifyInstance } from 'fastify';
import { activeModelVersion } from '../services/modelVersionService.ts';
import { createClinicalEngine } from './clinicalEngine.ts';

/** How often a replica asks which version is current: a newly activated model serves within this long. */
export const MODEL_POLL_MS = 3_000;

export interface ModelFollower {
  /** Checks once now (also run on the timer); resolves when any swap is done. */
  check(): Promise<void>;
  stop(): void;
}

export function followActiveModel(
  app: FastifyInstance,
  knowledge: EngineKnowledge,
  intervalMs = MODEL_POLL_MS,
): ModelFollower {
  // A version that failed to load is not retried on every tick; it is tried again once it stops being current.
  let failed: string | undefined;
  let checking: Promise<void> | undefined;
  const once = async () => {
    const row = await activeModelVersion(app.db);
    if (!row || row.version === app.engine?.modelVersion || row.version === failed) return;
    if (row.knowledgeHash !== knowledge.hash) return; // Trained on other knowledge: not for this replica.
    try {
      const engine = createClinicalEngine(loadModel(readFileSync(row.artifactPath, 'utf8'), knowledge));
      const previous = app.engine?.modelVersion;
      app.engine = engine;
      failed = undefined;
      app.log.info({ modelVersion: engine.modelVersion, previous }, 'model version loaded');
    } catch (error) {
      failed = row.version;
      app.log.warn({ err: error, modelVersion: row.version }, 'active model version could not be loaded');
    }
  };
  const check = () => {
    checking ??= once()
      .catch((error: unknown) => app.log.warn({ err: error }, 'active model version could not be read'))
      .finally(() => {
        checking = undefined;
      });
    return checking;
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
