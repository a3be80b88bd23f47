// Checked by `pnpm typecheck`, never run: every `@ts-expect-error` marks a mistake the compiler must refuse, and
// the directive itself fails the check if the line ever compiles.
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { CodeParam, IdParam } from '../common.ts';
import type { PatientView } from '../patients.ts';
import { defineRouteSchemas } from './routeSchemas.ts';
import { routes, urlOf } from './routes.ts';
import type { JsonRoute, RequestOf, ResponseOf } from './routeTable.ts';

const table = { one: { path: '/things/:id' }, all: { path: '/things' } } as const;
const answer = { response: z.null() };

export function schemasMustFitTheirRoutes() {
  defineRouteSchemas(table, { one: { params: IdParam, ...answer }, all: answer });
  // @ts-expect-error the path names :id, the params schema names code
  defineRouteSchemas(table, { one: { params: CodeParam, ...answer }, all: answer });
  // @ts-expect-error the path has a parameter, the route no params schema
  defineRouteSchemas(table, { one: answer, all: answer });
  // @ts-expect-error the path has no parameter, the route a params schema
  defineRouteSchemas(table, { one: { params: IdParam, ...answer }, all: { params: IdParam, ...answer } });
  // @ts-expect-error a route without schemas
  defineRouteSchemas(table, { one: { params: IdParam, ...answer } });
  // @ts-expect-error schemas of a route that is not in the table
  defineRouteSchemas(table, { one: { params: IdParam, ...answer }, all: answer, other: answer });
}

export function callsAreTypedByTheTable() {
  expectTypeOf<RequestOf<typeof routes.getPatient>>().toEqualTypeOf<{ params: { id: string } }>();
  expectTypeOf<ResponseOf<typeof routes.getPatient>>().toEqualTypeOf<PatientView>();
  expectTypeOf<ResponseOf<typeof routes.listPatients>['items']>().toEqualTypeOf<PatientView[]>();
  // A coerced query field takes a number as the caller writes it; a list's query may be left out.
  const list: RequestOf<typeof routes.listPatients> = { query: { limit: 100, q: 'Ali' } };
  const all: RequestOf<typeof routes.listPatients> = {};
  // @ts-expect-error the search needs its `q`
  const search: RequestOf<typeof routes.searchKnowledge> = { query: { limit: 8 } };
  // @ts-expect-error a body field the route does not take
  const body: RequestOf<typeof routes.createNote> = { params: { id: 'v' }, body: { lang: 'en' } };
  // @ts-expect-error the CSV export is not a JSON route
  const csv: JsonRoute = routes.researchCasesCsv;
  return [list, all, search, body, csv];
}

export function urlsNameThePathsParameters() {
  urlOf(routes.getPatient, { params: { id: 'p1' } });
  // @ts-expect-error the path's parameter is :id
  urlOf(routes.getPatient, { params: { patientId: 'p1' } });
}
