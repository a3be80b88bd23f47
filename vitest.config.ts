import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` needs neither a database nor a browser (seconds), `int` talks to the real MariaDB
// through DATABASE_URL, `e2e` drives Chromium against the product server. `npm test` runs all three.
const shared = { environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } as const;
// A browser test on a busy two-core machine can need more than 30 s; its own steps wait for what they need.
const browserTimeouts = { testTimeout: 60_000 } as const;
const ignored = ['**/node_modules/**', '**/dist/**'];

export default defineConfig({
  test: {
    // Vitest would use one worker on two cores; most integration and browser time is spent waiting on the
    // database, child servers and Chromium, so at least three files at a time finish sooner (about half the time
    // on two cores) without starving each other.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache, keyed by content), so a rerun skips
    // compiling TypeScript it compiled before; `vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          // Unit tests share no state a file can leave behind (no database, no server, no module mocks), so each
          // worker imports the engine, the knowledge base and the contracts once instead of once per file: the
          // project runs in about half the time.
          isolate: false,
          // CPU-bound: one worker per core; a third worker on two cores only imports everything once more. A project
          // with its own worker count runs as its own group: the unit tests first, then the others together.
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
          setupFiles: ['apps/web/src/testStorage.setup.ts'],
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.tsx',
            'apps/*/vite/**/*.test.ts',
            'apps/*/test/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: [...ignored, '**/*.int.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          ...shared,
          name: 'int',
          // Each file creates its own database, servers and child processes and closes them after, and no file mocks
          // a module or changes process.env: a worker imports the server, Prisma and the engine once for all its
          // files instead of once per file (about a third of the project's time). Tests inside a file may depend on
          // their order (a job queued, then run); files do not, in any order.
          isolate: false,
          sequence: { groupOrder: 1 },
          // Tests that start `cdss` as a process run the compiled bundle; build it from the current source.
          globalSetup: ['apps/api/test/productionBundle.ts'],
          include: [
            'packages/*/src/**/*.int.test.ts',
            'packages/*/test/**/*.int.test.ts',
            'apps/*/test/**/*.int.test.ts',
          ],
          exclude: ignored,
        },
      },
      {
        test: {
          ...shared,
          ...browserTimeouts,
          name: 'e2e',
          // As for `int`: every file starts and stops its own product server and Chromium.
          isolate: false,
          sequence: { groupOrder: 1 },
          include: ['apps/*/e2e/**/*.e2e.test.ts'],
          exclude: ignored,
        },
      },
    ],
  },
});
