// Where the project's files live, found from this module's own location so commands work from any folder and
// from the compiled bundle (apps/api/dist/cli.js) as well as from source (apps/api/src/config/paths.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `start` that holds pnpm-workspace.yaml: the repository (or the image's /app). */
export function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${start}: run from the project's folder.`);
    dir = parent;
  }
  return `${dir}/`;
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const defaultKnowledgeDir = join(repoRoot, 'data/knowledge');
export const defaultModelDir = join(repoRoot, 'models');
export const migrationsDir = join(repoRoot, 'prisma/migrations');
export const schemaPath = join(repoRoot, 'prisma/schema.prisma');
export const webDistDir = join(repoRoot, 'apps/web/dist');
/** Copies of external terminologies (NUMC, ICD-11 TM2), read by the FHIR terminology services. */
export const defaultExternalDir = join(repoRoot, 'data/external');
/** The bundled list of common passwords (provenance in commonPasswords.md beside it). */
export const commonPasswordsFile = join(repoRoot, 'apps/api/src/auth/commonPasswords.txt');
