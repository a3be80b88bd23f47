// Makes the configured database usable: the server answers (starting the compose `db` service when
// Docker is there), the database exists, migrations are applied and the knowledge base is seeded.
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../config/paths.ts';
import { connectServer, createDatabaseIfMissing } from '../db/adminConnection.ts';
import { type DatabaseTarget, describeTarget } from '../db/databaseUrl.ts';
import { type MigrateResult, migrate } from '../db/migrate.ts';

const DOCKER_PROBE_TIMEOUT_MS = 5_000;
const DOCKER_DB_WAIT_MS = 120_000;
const POLL_INTERVAL_MS = 2_000;

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

async function serverAnswers(t: DatabaseTarget): Promise<string | undefined> {
  try {
    const conn = await connectServer(t);
    await conn.end();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function dockerAvailable(): boolean {
  const probe = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: DOCKER_PROBE_TIMEOUT_MS });
  return probe.status === 0;
}

async function startComposeDb(t: DatabaseTarget, log: (line: string) => void): Promise<boolean> {
  log('No database answered; starting the `db` service with Docker Compose…');
  const up = spawnSync('docker', ['compose', 'up', '-d', '--wait', 'db'], { cwd: repoRoot, stdio: 'inherit' });
  if (up.status !== 0) return false;
  const deadline = Date.now() + DOCKER_DB_WAIT_MS;
  while (Date.now() < deadline) {
    if ((await serverAnswers(t)) === undefined) return true;
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  return false;
}

function unavailableMessage(t: DatabaseTarget, reason: string, triedDocker: boolean): string {
  return [
    `Cannot reach a MySQL/MariaDB server at ${t.host}:${t.port} (${reason}).`,
    triedDocker
      ? 'Starting the Docker Compose `db` service did not help either.'
      : 'No Docker engine is available to start one.',
    `Set DATABASE_URL to a reachable server (now: mysql://${describeTarget(t)}),`,
    'or run `docker compose up -d db`, or install MySQL 8 / MariaDB (e.g. `apt-get install mariadb-server`) and start it.',
  ].join('\n');
}

export interface DatabaseSetup {
  created: boolean;
  migrations: MigrateResult;
}

/** Ensures server, database and schema; throws DatabaseUnavailableError with one clear paragraph. */
export async function ensureDatabase(
  t: DatabaseTarget,
  log: (line: string) => void = () => {},
): Promise<DatabaseSetup> {
  const reason = await serverAnswers(t);
  if (reason !== undefined) {
    const docker = dockerAvailable();
    if (!docker || !(await startComposeDb(t, log)))
      throw new DatabaseUnavailableError(unavailableMessage(t, reason, docker));
  }
  const created = await createDatabaseIfMissing(t);
  if (created) log(`Created database ${t.database}.`);
  const migrations = await migrate(t);
  for (const w of migrations.warnings) log(`Warning: ${w}`);
  if (migrations.applied.length) log(`Applied ${migrations.applied.length} migration(s).`);
  return { created, migrations };
}
