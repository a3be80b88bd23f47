// The project's knowledge base (data/knowledge) for tests, loaded once per test worker: unit test files share their
// worker's modules (vitest.config.ts, `isolate: false`), so the files that read it do not each parse it again.
// Frozen, so a test that changed it would fail at once instead of changing what the next file sees.
import { fileURLToPath } from 'node:url';
import type { EngineKnowledge } from '@unani/engine';
import { type KnowledgeBase, loadKnowledgeDir, toEngineKnowledge } from '../src/index.ts';

export const projectKnowledgeDir = fileURLToPath(new URL('../../../data/knowledge', import.meta.url));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

let base: KnowledgeBase | undefined;
let engine: EngineKnowledge | undefined;

/** data/knowledge as the loader reads it. */
export function projectKnowledge(): KnowledgeBase {
  base ??= deepFreeze(loadKnowledgeDir(projectKnowledgeDir));
  return base;
}

/** data/knowledge as the engine takes it. */
export function projectEngineKnowledge(): EngineKnowledge {
  engine ??= deepFreeze(toEngineKnowledge(projectKnowledge()));
  return engine;
}
