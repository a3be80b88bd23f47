// Research: de-identified cases, statistics and a streaming CSV export (researchers and admins, or research:read keys).
import { Readable } from 'node:stream';
import { Problem, pageOf, ResearchCase, ResearchFilter, ResearchStatistics } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { researchCases, researchCsv, researchStatistics } from '../../services/researchService.ts';

const research = { roles: ['researcher', 'admin'], scope: 'research:read' } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem };

export const researchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/research/cases',
    {
      config: { access: research, audit: { action: 'research.cases', entity: 'research', entityId: 'none' } },
      schema: {
        tags: ['research'],
        summary: 'De-identified confirmed cases (first 500; use the CSV export for all)',
        querystring: ResearchFilter,
        response: { 200: pageOf(ResearchCase), ...errors },
      },
    },
    (req) =>
      (async () => {
        const first = await researchCases(app.db, req.query).next();
        const items = first.done ? [] : first.value;
        return { items, nextCursor: null };
      })(),
  );

  app.get(
    '/api/v1/research/statistics',
    {
      config: { access: research, audit: { action: 'research.statistics', entity: 'research', entityId: 'none' } },
      schema: {
        tags: ['research'],
        summary: 'Disease frequency by month, symptom co-occurrence, engine agreement (counts under 5 suppressed)',
        querystring: ResearchFilter,
        response: { 200: ResearchStatistics, ...errors },
      },
    },
    (req) => researchStatistics(app.db, req.query),
  );

  app.get(
    '/api/v1/research/cases.csv',
    {
      config: { access: research, audit: { action: 'research.export', entity: 'research', entityId: 'none' } },
      schema: {
        tags: ['research'],
        summary: 'All de-identified cases as CSV, streamed',
        querystring: ResearchFilter,
        response: { 200: z.string().describe('CSV with a header line'), ...errors },
      },
    },
    async (req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="unani-cdss-cases.csv"');
      // A stream is sent as is (no serialisation); the schema above documents it as CSV text.
      return reply.send(Readable.from(researchCsv(app.db, req.query)) as unknown as string);
    },
  );
};
