// CDS Hooks 2.0: a patient-view service that turns the patient's prefetched Observations into a Unani
// differential. Stateless: nothing is stored.
import { Problem } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { findingsFromObservations } from '../../services/fhir/observationFindings.ts';
import { analysisCards, notEnoughInformationCard } from './cards.ts';
import { CardsResponse, Discovery, HookRequest, SERVICE_ID } from './schemas.ts';

// A key with engine:use, or (decision 0020) the JWT a registered CDS client signs for each request, as CDS Hooks asks.
const engineUse = { roles: ['practitioner', 'admin'], scope: 'engine:use', clientJwt: 'cds-hooks' } as const;
const tags = ['cds-hooks'];

export const cdsHooksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cds-services',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'CDS Hooks discovery', response: { 200: Discovery } },
    },
    async () => ({
      services: [
        {
          hook: 'patient-view',
          id: SERVICE_ID,
          title: 'Unani differential diagnosis',
          description:
            'Red flags and the top Unani differential from the patient’s symptom Observations (advisory decision support).',
          prefetch: {
            conditions: 'Condition?patient={{context.patientId}}',
            observations: 'Observation?patient={{context.patientId}}',
          },
        },
      ],
    }),
  );

  app.post(
    `/cds-services/${SERVICE_ID}`,
    {
      // The hook's prefetch holds a patient's conditions and observations.
      config: { access: engineUse, audit: { action: 'cds.patient-view', entity: 'patient', entityId: 'none' } },
      schema: {
        tags,
        summary: 'patient-view: cards with red flags and the top differential (advisory; nothing stored)',
        body: HookRequest,
        response: { 200: CardsResponse, 400: Problem, 401: Problem, 403: Problem, 503: Problem },
      },
    },
    async (req) => {
      const engine = requireEngine(app);
      const appUrl = `${req.publicOrigin}/`;
      const entries = req.body.prefetch?.observations?.entry ?? [];
      const findings = findingsFromObservations(entries, req.body.context.patientId, engine);
      if (!findings.length) return { cards: [notEnoughInformationCard(appUrl)] };
      return { cards: analysisCards(engine.analyse(findings, {}), appUrl) };
    },
  );
};
