// CDS Hooks 2.0: a patient-view service that turns the patient's prefetched Observations (our symptom codes, or
// SNOMED CT / ICD-10 codes of common findings), the Patient's age and sex and the confirmed Conditions into a Unani
// differential; and the feedback endpoint where the client reports what was done with a card. The hook stores
// nothing; feedback is stored.
import { Problem } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireEngine } from '../../modelRuntime/engineAccess.ts';
import { recordCardFeedback } from '../../services/cdsFeedbackService.ts';
import { findingCodeMap, unmappedSymptoms } from '../../services/fhir/findingCodeMap.ts';
import { findingsFromObservations } from '../../services/fhir/observationFindings.ts';
import { recordedDiseases } from '../../services/fhir/prefetchConditions.ts';
import { contextFromPatient } from '../../services/fhir/prefetchPatient.ts';
import { analysisCards } from './cards.ts';
import { CardsResponse, Discovery, FeedbackRequest, FeedbackResponse, HookRequest, SERVICE_ID } from './schemas.ts';

// A key with engine:use, or (decision 0022) the JWT a registered CDS client signs for each request, as CDS Hooks asks.
const engineUse = { roles: ['practitioner', 'admin'], scope: 'engine:use', clientJwt: 'cds-hooks' } as const;
const tags = ['cds-hooks'];

export const cdsHooksRoutes: FastifyPluginAsyncZod = async (app) => {
  // Read and checked at start: a malformed map stops the server here rather than at a patient's visit.
  const codeMap = findingCodeMap();
  const unknown = app.engine ? unmappedSymptoms(codeMap, app.engine) : [];
  if (unknown.length)
    app.log.warn({ unknown }, 'SNOMED CT / ICD-10 codes map to symptoms this knowledge base lacks; they are ignored');

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
          // The Patient gives age and sex (age-bound warnings are held back without it); confirmed Conditions coded
          // with our disease codes are not suggested again.
          prefetch: {
            patient: 'Patient/{{context.patientId}}',
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
      // The hook's prefetch holds a patient's record: Patient, Conditions and Observations.
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
      const { context, prefetch } = req.body;
      const findings = findingsFromObservations(
        prefetch?.observations?.entry ?? [],
        context.patientId,
        engine,
        codeMap,
      );
      // Nothing recognised: nothing to say (CDS Hooks answers an empty list, not a card saying so).
      if (!findings.length) return { cards: [] };
      const patient = contextFromPatient(prefetch?.patient, context.patientId);
      const recorded = recordedDiseases(prefetch?.conditions?.entry ?? [], context.patientId);
      return { cards: analysisCards(engine.analyse(findings, patient), `${req.publicOrigin}/`, recorded) };
    },
  );

  app.post(
    `/cds-services/${SERVICE_ID}/feedback`,
    {
      // Only card ids, outcomes and reasons: no patient data. Stored, with the request's audit row.
      config: { access: engineUse, audit: { action: 'cds.feedback', entity: 'cdsFeedback', entityId: 'none' } },
      schema: {
        tags,
        summary: 'Feedback on our cards: accepted, or overridden and why (CDS Hooks 2.0)',
        body: FeedbackRequest,
        response: { 200: FeedbackResponse, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (req) => {
      await recordCardFeedback(app.db, SERVICE_ID, req.body.feedback, req.id);
      return {};
    },
  );
};
