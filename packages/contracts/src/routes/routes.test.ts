import { describe, expect, it } from 'vitest';
import { routes, urlOf } from './routes.ts';
import { routeTable } from './routeTable.ts';

describe('urlOf', () => {
  it('fills each path parameter, encoded', () => {
    expect(urlOf(routes.getSharedNote, { params: { token: 'a/b?c#d e' } })).toBe(
      '/api/v1/shared-notes/a%2Fb%3Fc%23d%20e',
    );
    expect(urlOf(routes.checkPlan, { params: { id: 'v1' } })).toBe('/api/v1/encounters/v1/plan/check');
  });

  it('appends the query, leaving out what is undefined', () => {
    expect(urlOf(routes.listPatients, { query: { limit: 100, q: 'Ali & sons', cursor: undefined } })).toBe(
      '/api/v1/patients?limit=100&q=Ali+%26+sons',
    );
    expect(urlOf(routes.listPatients, { query: { q: undefined } })).toBe('/api/v1/patients');
  });

  it('names the route and the parameter it was not given', () => {
    expect(() => urlOf(routes.getPatient, { params: {} as { id: string } })).toThrow(
      'getPatient needs the path parameter "id".',
    );
  });
});

describe('the route table', () => {
  it('joins each route to its schemas, with 200 as the success status unless the route names another', () => {
    expect(routeTable.getPatient).toMatchObject({ name: 'getPatient', method: 'GET', status: 200 });
    expect(routeTable.createPatient.status).toBe(201);
    expect(routeTable.deletePatient.status).toBe(204);
    expect(Object.keys(routeTable)).toEqual(Object.keys(routes));
  });

  it('has one route per method and path', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
