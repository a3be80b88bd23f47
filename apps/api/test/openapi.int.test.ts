import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { apiKeyScopes, type Role, roles, routeTable } from '@unani/contracts';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedOperationId } from '../src/plugins/openapiDocument.ts';
import { createApiKey } from '../src/services/apiKeyService.ts';
import { createTestUser } from './factories.ts';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
let doc: OpenAPIV3_1.Document;
beforeAll(async () => {
  s = await createTestServer();
  doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => {
  await s.close();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  op: OpenAPIV3_1.OperationObject;
}
const operations = (): Operation[] =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ method, path, op: item[method] }] : [])),
  );
const where = (o: Operation) => `${o.method.toUpperCase()} ${o.path}`;

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every /api/v1 route with its response schemas', () => {
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item?.[method];
        if (!op) continue;
        documented.add(`${method.toUpperCase()} ${path}`);
        if (path.startsWith('/api/v1'))
          expect(Object.keys(op.responses ?? {}), `${method} ${path}`).not.toHaveLength(0);
      }
    }
    const expected = s.app.routesUnderApi.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(expected.length).toBeGreaterThan(20);
    for (const route of expected) expect(documented, route).toContain(route);
  });

  it('gives every operation a unique operationId: the route table’s name, else one from method and path', () => {
    const names = new Map(Object.values(routeTable).map((r) => [`${r.method} ${r.path}`, r.name]));
    const ids = operations().map((o) => {
      const route = `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`;
      const [method, path] = route.split(' ') as [string, string];
      expect(o.op.operationId, where(o)).toBe(names.get(route) ?? derivedOperationId(method, path));
      return o.op.operationId;
    });
    expect(ids.length).toBeGreaterThan(60);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names its server: the origin it is fetched from when PUBLIC_URL is not set', () => {
    expect(doc.servers).toEqual([{ url: '/' }]);
  });

  it('has no component schema that nothing uses', () => {
    const text = JSON.stringify({ ...doc, components: undefined });
    const schemas = doc.components?.schemas ?? {};
    const used = (name: string) =>
      text.includes(`"#/components/schemas/${name}"`) ||
      Object.entries(schemas).some(([other, schema]) => other !== name && JSON.stringify(schema).includes(`/${name}"`));
    expect(Object.keys(schemas).filter((name) => !used(name))).toEqual([]);
  });

  it('serves the interactive reference', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

// Each operation called as the document describes it, to check the document against what the server does: who is
// let in (the security), and what comes back (a documented status, under the media type it is sent as). One call at
// a time: the test database's few connections are not what is being tested.
describe('the document against the server', () => {
  const admitted = (status: number) => status !== 401 && status !== 403;
  const schemesOf = (o: Operation) => (o.op.security ?? []).flatMap((requirement) => Object.keys(requirement));

  async function call(o: Operation, headers: Record<string, string> = {}) {
    const body = o.op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
    const type = Object.keys(body?.content ?? {})[0];
    const res = await s.app.inject({
      method: o.method.toUpperCase() as 'GET',
      url: o.path.replace(/\{\w+\}/g, 'probe'),
      headers: { ...headers, ...(type ? { 'content-type': type } : {}) },
      ...(type ? { payload: type === 'application/json' ? '{}' : '' } : {}),
    });
    const answer = o.op.responses?.[String(res.statusCode)] as OpenAPIV3_1.ResponseObject | undefined;
    expect(answer, `${where(o)} answered ${res.statusCode}, which the document does not list`).toBeDefined();
    const sent = res.headers['content-type']?.toString().split(';')[0];
    if (res.body.length > 0)
      expect(Object.keys(answer?.content ?? {}), `${where(o)} ${res.statusCode} as ${sent}`).toContain(sent);
    return res.statusCode;
  }

  it('lets in anyone exactly where security is empty, in documented answers', async () => {
    for (const o of operations()) {
      const status = await call(o);
      expect(admitted(status), `${where(o)} without a credential answered ${status}`).toBe(o.op.security?.length === 0);
    }
  });

  it('lets in an API key exactly where security lists one, in documented answers', async () => {
    // A key with every scope for an account of each role: the role decides the rest, as it would for a session.
    const keys = await Promise.all(
      roles.map(async (role: Role) => {
        const owner = await createTestUser(s.db, role, `${role} key owner`);
        const created = await createApiKey(s.db, owner.id, 'probe', [...apiKeyScopes]);
        return { authorization: `Bearer ${created.key}` };
      }),
    );
    const guarded = operations().filter((o) => o.op.security?.length);
    expect(guarded.filter((o) => schemesOf(o).includes('apiKey')).length).toBeGreaterThan(3);
    for (const o of guarded) {
      const statuses = [];
      for (const headers of keys) statuses.push(await call(o, headers));
      expect(statuses.some(admitted), `${where(o)} with a key of each role answered ${statuses}`).toBe(
        schemesOf(o).includes('apiKey'),
      );
    }
  });
});

describe('lint', () => {
  const apiDir = fileURLToPath(new URL('..', import.meta.url));
  const redocly = join(apiDir, 'node_modules/.bin/redocly');

  it('passes Redocly’s recommended rules with no error and no warning', () => {
    // The config beside the document, as `pnpm --filter @unani/api lint:openapi` finds it in apps/api.
    const dir = mkdtempSync(join(tmpdir(), 'cdss-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc, null, 2));
      for (const file of ['redocly.yaml', '.redocly.lint-ignore.yaml'])
        copyFileSync(join(apiDir, file), join(dir, file));
      const run = spawnSync(redocly, ['lint', 'openapi.json', '--format=json', '--max-problems=1000'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 20_000,
        // Offline: no usage data, no look-up of a newer version.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      expect(run.stdout, run.stderr).toMatch(/^\s*\{/);
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number; ignored: number };
        problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[];
      };
      const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      // Only the two problems .redocly.lint-ignore.yaml names (and says why) are set aside.
      expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
