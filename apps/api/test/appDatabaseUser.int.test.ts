// What docker-compose.yml does at each start: the owner migrates and runs `cdss db grant --create` for the
// server's own account, then the server (the compiled bundle) runs as that account with no rights to change the
// schema or the audit trail.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../src/config/paths.ts';
import { connectServer } from '../src/db/adminConnection.ts';
import { withDatabase } from '../src/db/databaseUrl.ts';
import { send, startChildServer, temporaryModelDir } from './faults/childServer.ts';
import { cdssArgs } from './productionBundle.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const user = `cdss_app_${randomBytes(4).toString('hex')}`;
const models = temporaryModelDir();

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  const owner = await connectServer(t.target);
  await owner.query('DROP USER IF EXISTS ?@?', [user, '%']);
  await owner.end();
  await t.close();
  models.remove();
});

/** The `migrate` service's shell command as Compose runs it (`$$` is Compose's escape for `$`). */
function composeMigrateCommand(): string {
  const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
    services: { migrate: { command: string[] } };
  };
  const [shell, flag, script = ''] = compose.services.migrate.command;
  expect([shell, flag]).toEqual(['sh', '-c']);
  return script.replaceAll('$$', '$').replaceAll('cdss_app', user);
}

function runMigrateService(password: string | undefined) {
  return spawnSync('sh', ['-c', composeMigrateCommand()], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: t.url, ...(password ? { APP_DB_PASSWORD: password } : {}) },
  });
}

function grant(password: string) {
  return spawnSync(process.execPath, cdssArgs('db', 'grant', '--user', user, '--create'), {
    cwd: repoRoot,
    input: `${password}\n`,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: t.url },
  });
}

describe('the server’s own database account', () => {
  it('refuses a short password and creates nothing', async () => {
    const run = grant('short-secret');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/at least 16 characters/);
    const owner = await connectServer(t.target);
    const [rows] = await owner.query('SELECT User FROM mysql.user WHERE User = ?', [user]);
    await owner.end();
    expect(rows).toEqual([]);
  });

  it('is required by the compose file’s migrate service, which says how to set it', () => {
    const run = runMigrateService(undefined);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Set APP_DB_PASSWORD/);
  });

  it('is created by the compose file’s migrate service, and the compiled server starts and serves as it', async () => {
    const password = randomBytes(16).toString('hex');
    const run = runMigrateService(password);
    expect(run.status, run.stderr).toBe(0);
    const granted = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as {
      account: string;
      passwordSet: boolean;
      granted: string[];
    };
    expect(granted).toMatchObject({ account: `${user}@%`, passwordSet: true });
    expect(granted.granted).toContain(`GRANT SELECT, INSERT ON \`${t.target.database}\`.\`AuditLog\` TO '${user}'@'%'`);
    expect(run.stdout).not.toContain(password);

    const url = withDatabase(`mysql://${user}:${password}@${t.target.host}:${t.target.port}/x`, t.target.database);
    expect(url).not.toContain('root');
    const server = await startChildServer({ databaseUrl: url, modelDir: models.dir });
    try {
      const ready = await send(server.origin, 'GET', '/health/ready');
      expect(ready.status).toBe(200);
      const diseases = await send(server.origin, 'GET', '/api/v1/diseases');
      expect(diseases.status, diseases.text).toBe(200);
      // It loaded the knowledge base as that account, but may not change the schema or the audit trail.
      const restricted = await connectServer({ ...t.target, user, password }, t.target.database);
      try {
        await expect(restricted.query('CREATE TABLE Intruder (id INT)')).rejects.toThrow(/CREATE command denied/);
        await expect(restricted.query('DELETE FROM AuditLog')).rejects.toThrow(/DELETE command denied/);
      } finally {
        await restricted.end();
      }
      expect(await t.db.disease.count()).toBeGreaterThan(0);
      // Every request under /api is audited: the row was added as that account.
      expect(await t.db.auditLog.count({ where: { route: '/api/v1/diseases' } })).toBe(1);
    } finally {
      await server.kill();
    }
  }, 180_000);
});
