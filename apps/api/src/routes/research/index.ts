// Research: k-anonymous case records, statistics over them and a CSV export (researchers and admins, or
// research:read keys of such accounts). `secret` keys the case pseudonyms.
import { Readable } from 'node:stream';
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RESEARCH_BATCH, researchCases, researchCsv, researchStatistics } from '../../services/researchService.ts';
import { routeOf } from '../routeOf.ts';

const tags = ['research'];
const research = { roles: ['researcher', 'admin'], scope: 'research:read' } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem };

export const researchRoutes: FastifyPluginAsyncZod<{ secret: string }> = async (app, { secret }) => {
  app.route({
    ...routeOf(routeTable.researchCases, {
      tags,
      summary: 'K-anonymous confirmed cases (first 500; use the CSV export for all)',
      errors,
    }),
    config: { access: research, audit: { action: 'research.cases', entity: 'research', entityId: 'none' } },
    handler: async (req) => ({
      items: (await researchCases(app.db, secret, req.query)).slice(0, RESEARCH_BATCH),
      nextCursor: null,
    }),
  });

  app.route({
    ...routeOf(routeTable.researchStatistics, {
      tags,
      summary: 'Disease frequency by month, symptom co-occurrence, engine agreement (every count under 5 is null)',
      errors,
    }),
    config: { access: research, audit: { action: 'research.statistics', entity: 'research', entityId: 'none' } },
    handler: (req) => researchStatistics(app.db, secret, req.query),
  });

  app.route({
    ...routeOf(routeTable.researchCasesCsv, { tags, summary: 'All k-anonymous cases as CSV', errors }),
    config: { access: research, audit: { action: 'research.export', entity: 'research', entityId: 'none' } },
    handler: async (req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="unani-cdss-cases.csv"');
      // A stream is sent as is (no serialisation); the route table documents it as CSV text.
      return reply.send(Readable.from(researchCsv(app.db, secret, req.query)) as unknown as string);
    },
  });
};
