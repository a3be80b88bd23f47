// The engine for integrators: parse a text, or diagnose a text and/or findings. Stateless: nothing is stored.
import { type Finding, Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { HttpProblem } from '../../plugins/errors.ts';
import { routeOf } from '../routeOf.ts';

const tags = ['engine'];
const engineUse = { roles: ['practitioner', 'admin', 'researcher'], scope: 'engine:use' } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 503: Problem };

export const engineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.parse, {
      tags,
      summary:
        'Recognise findings (negation, duration, severity, text spans) and the patient context (age, sex, pregnancy, vital signs) in a complaint',
      errors,
    }),
    // Complaints carry patient data, even with nothing stored: who sent one is on record.
    config: {
      access: engineUse,
      audit: { action: 'engine.parse', entity: 'text', entityId: 'none', logWhenDatabaseDown: true },
    },
    handler: async (req) => requireEngine(app).read(req.body.text),
  });

  app.route({
    ...routeOf(routeTable.diagnose, {
      tags,
      summary:
        'Triage, red flags, differential and next questions for a text and/or findings (advisory; nothing stored)',
      errors,
    }),
    config: {
      access: engineUse,
      audit: { action: 'engine.diagnose', entity: 'text', entityId: 'none', logWhenDatabaseDown: true },
    },
    handler: async (req) => {
      const engine = requireEngine(app);
      const given = req.body.findings ?? [];
      const unknown = given.flatMap((f, i) =>
        engine.hasSymptom(f.symptom)
          ? []
          : [{ field: `body.findings.${i}.symptom`, message: `unknown symptom "${f.symptom}"` }],
      );
      if (unknown.length)
        throw new HttpProblem(
          400,
          'Bad Request',
          'Some findings name symptoms the knowledge base does not hold.',
          unknown,
        );
      const picked: Finding[] = given.map(({ origin: _origin, ...f }) => ({
        ...f,
        name: engine.symptomName(f.symptom) ?? f.symptom,
      }));
      return engine.analyseNote({ text: req.body.text, findings: picked, context: req.body.context });
    },
  });
};
