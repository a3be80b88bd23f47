// A route of the shared route table (packages/contracts) as Fastify route options: method, path and schemas come
// from the table the web app calls through, so the two cannot drift apart. The route adds its documentation,
// error answers, config and handler.
import type { TableRoute } from '@unani/contracts';
import type { z } from 'zod';

interface Documentation<Errors> {
  tags: string[];
  summary: string;
  /** The problem documents the route may answer, by status. */
  errors: Errors;
}

type Optional<E, Key extends 'params' | 'query' | 'body', As extends string> = E extends {
  [K in Key]: infer S extends z.ZodType;
}
  ? { [K in As]: S }
  : Record<never, never>;

type SchemaOf<E extends TableRoute, Errors> = { tags: string[]; summary: string } & Optional<E, 'params', 'params'> &
  Optional<E, 'query', 'querystring'> &
  Optional<E, 'body', 'body'> & { response: Errors & { [S in E['status']]: E['response'] } };

export function routeOf<const E extends TableRoute, const Errors extends Record<number, z.ZodType>>(
  route: E,
  { tags, summary, errors }: Documentation<Errors>,
) {
  // Built key by key, so only the parts the route has are declared; the type says which ones those are.
  const schema: Record<string, unknown> = {
    tags,
    summary,
    ...('params' in route && { params: route.params }),
    ...('query' in route && { querystring: route.query }),
    ...('body' in route && { body: route.body }),
    response: { ...errors, [route.status]: route.response },
  };
  return { method: route.method, url: route.path, schema: schema as SchemaOf<E, Errors> };
}
