// Research: de-identified cases, statistics and a streaming CSV export (researchers and admins, or research:read keys).
import { Readable } from 'node:stream';
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { researchCases, researchCsv, researchStatistics } from '../../services/researchService.ts';
import { routeOf } from '../routeOf.ts';

const tags = ['research'];
const research = { roles: ['researcher', 'admin'], scope: 'research:read' } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem };

export const researchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.researchCases, {
      tags,
      summary: 'De-identified confirmed cases (first 500; use the CSV export for all)',
      errors,
    }),
    config: { access: research, audit: { action: 'research.cases', entity: 'research', entityId: 'none' } },
    handler: (req) =>
      (async () => {
        const first = await researchCases(app.db, req.query).next();
        const items = first.done ? [] : first.value;
        return { items, nextCursor: null };
      })(),
  });

  app.route({
    ...routeOf(routeTable.researchStatistics, {
      tags,
      summary: 'Disease frequency by month, symptom co-occurrence, engine agreement (counts under 5 suppressed)',
      errors,
    }),
    config: { access: research, audit: { action: 'research.statistics', entity: 'research', entityId: 'none' } },
    handler: (req) => researchStatistics(app.db, req.query),
  });

  app.route({
    ...routeOf(routeTable.researchCasesCsv, { tags, summary: 'All de-identified cases as CSV, streamed', errors }),
    config: { access: research, audit: { action: 'research.export', entity: 'research', entityId: 'none' } },
    handler: async (req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="unani-cdss-cases.csv"');
      // A stream is sent as is (no serialisation); the route table documents it as CSV text.
      return reply.send(Readable.from(researchCsv(app.db, req.query)) as unknown as string);
    },
  });
};
