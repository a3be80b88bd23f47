// The route table: each route's name, method and path (routes.ts) with its schemas (routeSchemas.ts). The API
// registers its routes from it; the web app types its calls with RequestOf and ResponseOf.
import type { z } from 'zod';
import { type RouteSchemaTable, routeSchemas } from './routeSchemas.ts';
import { type AnyRoute, type RouteName, type Routes, routes } from './routes.ts';

type Schemas<E extends AnyRoute> = RouteSchemaTable[E['name']];
type WithStatus<S> = S extends { status: number } ? S : S & { status: 200 };

/** A route with its schemas and success status. */
export type TableRoute<N extends RouteName = RouteName> = Routes[N] & WithStatus<RouteSchemaTable[N]>;

export const routeTable = Object.fromEntries(
  Object.values(routes).map((route) => [route.name, { ...route, status: 200, ...routeSchemas[route.name] }]),
) as { [N in RouteName]: TableRoute<N> };

type QueryValue = string | number | boolean | undefined;
/** A query as the caller writes it: coerced fields (`limit`) take a number or a string. */
type QueryInput<Q> = { [K in keyof Q]: unknown extends Q[K] ? QueryValue : Q[K] };

type Part<S, Key extends 'params' | 'query' | 'body', As> = S extends { [P in Key]: z.ZodType }
  ? Record<never, never> extends As
    ? { [P in Key]?: As }
    : { [P in Key]: As }
  : Record<never, never>;
type InputOf<S, Key extends 'params' | 'query' | 'body'> = S extends { [P in Key]: infer Schema extends z.ZodType }
  ? Key extends 'query'
    ? QueryInput<z.input<Schema>>
    : z.input<Schema>
  : never;

type Flat<T> = { [K in keyof T]: T[K] };

/** What a call of the route sends: `params` by the path's names, `query`, `body`; optional parts may be left out. */
export type RequestOf<E extends AnyRoute> = Flat<
  Part<Schemas<E>, 'params', InputOf<Schemas<E>, 'params'>> &
    Part<Schemas<E>, 'query', InputOf<Schemas<E>, 'query'>> &
    Part<Schemas<E>, 'body', InputOf<Schemas<E>, 'body'>>
>;

/** The route's success answer, as its response schema describes it. */
export type ResponseOf<E extends AnyRoute> = z.output<Schemas<E>['response']>;

/** The routes that answer JSON (every one but the CSV export). */
export type JsonRoute = {
  [N in RouteName]: RouteSchemaTable[N] extends { contentType: string } ? never : Routes[N];
}[RouteName];
