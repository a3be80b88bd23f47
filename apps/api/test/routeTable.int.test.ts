import { routeTable } from '@unani/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from './testServer.ts';

let s: Awaited<ReturnType<typeof createTestServer>>;
beforeAll(async () => {
  s = await createTestServer();
});
afterAll(async () => {
  await s.close();
});

const tableRoutes = Object.values(routeTable);
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('the route table', () => {
  it('has a served route for every entry, and an entry for every route under /api/v1', () => {
    const served = s.app.routesUnderApi.map(key);
    const listed = tableRoutes.map((r) => key({ method: r.method, url: r.path }));
    expect(
      listed.filter((route) => !served.includes(route)),
      'entries the API does not serve',
    ).toEqual([]);
    expect(
      served.filter((route) => !listed.includes(route)),
      'routes missing from the table',
    ).toEqual([]);
    expect(new Set(served).size).toBe(served.length);
  });

  it('gives each served route its schemas, the very ones the web app is typed with', () => {
    for (const entry of tableRoutes) {
      const served = s.app.routesUnderApi.find((r) => r.method === entry.method && r.url === entry.path);
      const schema = served?.schema as Record<string, unknown> & { response: Record<number, unknown> };
      const name = entry.name;
      expect(schema.params, name).toBe('params' in entry ? entry.params : undefined);
      expect(schema.querystring, name).toBe('query' in entry ? entry.query : undefined);
      expect(schema.body, name).toBe('body' in entry ? entry.body : undefined);
      expect(schema.response[entry.status], name).toBe(entry.response);
      const successes = Object.keys(schema.response).filter((status) => Number(status) < 300);
      expect(successes, `${name} answers one success`).toEqual([String(entry.status)]);
    }
  });
});
