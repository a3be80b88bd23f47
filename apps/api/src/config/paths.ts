// Where the project's files live, resolved from this file so commands work from any folder.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const defaultKnowledgeDir = fileURLToPath(new URL('../../../../data/knowledge', import.meta.url));
export const defaultModelDir = fileURLToPath(new URL('../../../../models', import.meta.url));
export const migrationsDir = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));
export const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url));
export const webDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));
/** Copies of external terminologies (NUMC, ICD-11 TM2), read by the FHIR terminology services. */
export const defaultExternalDir = fileURLToPath(new URL('../../../../data/external', import.meta.url));
