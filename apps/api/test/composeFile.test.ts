// docker-compose.yml against the Compose Specification's JSON schema (the copy dclint ships: offline), the shape
// of the scaled deployment (replicas behind the proxy, Redis for every process that needs it), and the proxy's
// configuration through HAProxy's own check. `docker compose config` runs too where Docker Compose is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DCLinter } from 'dclint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');
const composePath = join(root, 'docker-compose.yml');
const haproxyConfig = join(root, 'deploy', 'haproxy.cfg');
const haproxyBinary = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';

/** The schema and the rules that find mistakes; dclint's rules on key order and quoting are taste, left out. */
const linter = new DCLinter({
  rules: {
    'no-build-and-image': 0, // `api` builds the image the worker runs: both keys on purpose.
    'no-unbound-port-interfaces': 0, // The proxy's port is the product's one public address.
    'require-project-name-field': 0,
    'require-quotes-in-ports': 0,
    'service-dependencies-alphabetical-order': 0,
    'service-keys-order': 0,
    'service-ports-alphabetical-order': 0,
    'services-alphabetical-order': 0,
    'top-level-properties-order': 0,
  },
  quiet: true,
  debug: false,
  exclude: [],
});

const lint = (path: string) => linter.lintFiles([path], false).flatMap((r) => r.messages);

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number | string };
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(composePath, 'utf8')) as { services: Record<string, Service> };

describe('docker-compose.yml', () => {
  it('is valid under the Compose Specification schema, with none of the linter’s errors', () => {
    expect(lint(composePath)).toEqual([]);
  });

  it('is checked for real: a misspelt key fails the schema', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'cdss-compose-')), 'docker-compose.yml');
    writeFileSync(broken, 'services:\n  api:\n    image: unani-cdss:local\n    replics: 3\n');
    expect(lint(broken).map((m) => m.rule)).toEqual(['invalid-schema']);
  });

  it('runs several API replicas behind the proxy, with Redis, a worker and the database', () => {
    const { api, proxy, worker, redis, db } = compose.services;
    expect(Number(String(api?.deploy?.replicas).replace(/^\$\{API_REPLICAS:-(\d+)\}$/, '$1'))).toBeGreaterThan(1);
    for (const service of [api, worker]) expect(service?.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(proxy?.volumes).toContain('./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(proxy?.healthcheck?.test?.length).toBeGreaterThan(0);
    expect(redis?.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(db?.image).toMatch(/^mysql:/);
    expect(api?.depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      redis: { condition: 'service_healthy' },
    });
    // Only the proxy publishes the API's port: a replica's own port would bypass the balancing.
    const publishing = Object.entries(compose.services).filter(([, s]) =>
      (s.ports ?? []).some((p) => String(p).endsWith(':3000')),
    );
    expect(publishing.map(([name]) => name)).toEqual(['proxy']);
  });

  it('runs the API and the worker as their own database account, after the owner has migrated', () => {
    const { api, worker, migrate } = compose.services;
    for (const service of [api, worker]) {
      expect(service?.environment?.DATABASE_URL).toMatch(/^mysql:\/\/cdss_app:/);
      expect(service?.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    }
    expect(migrate?.environment?.DATABASE_URL).toMatch(/^mysql:\/\/root/);
    expect(migrate?.depends_on?.db).toEqual({ condition: 'service_healthy' });
    // apps/api/test/appDatabaseUser.int.test.ts runs the migrate service's command and the server as that account.
  });

  it('runs the compiled server, not its TypeScript source', () => {
    const { worker } = compose.services;
    expect(worker?.command).toEqual(['node', '--enable-source-maps', 'apps/api/dist/cli.js', 'worker']);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toContain(
      'CMD ["node", "--enable-source-maps", "apps/api/dist/cli.js", "serve"]',
    );
  });

  it('gives the proxy a configuration HAProxy accepts, checking /health/ready round robin', () => {
    const text = readFileSync(haproxyConfig, 'utf8');
    expect(text).toMatch(/^\s*balance roundrobin$/m);
    expect(text).toMatch(/^\s*option httpchk GET \/health\/ready$/m);
    const check = spawnSync(haproxyBinary, ['-c', '-f', haproxyConfig], { encoding: 'utf8' });
    if (check.error)
      throw new Error(`HAProxy is not installed (apt-get install -y haproxy; .ci/run does): ${check.error.message}`);
    expect(check.stdout + check.stderr).toContain('Configuration file is valid');
    expect(check.status).toBe(0);
  });

  const composeCli = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 20_000 });
  it.skipIf(composeCli.status !== 0)('passes `docker compose config` (where Docker Compose is installed)', () => {
    const run = spawnSync('docker', ['compose', '-f', composePath, 'config', '--quiet'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
