// A practitioner's own records as FHIR: Patient, Encounter (and its export), Condition and Observation.
// Reads only, each one audited; another practitioner's ids answer 404.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerUser } from '../../plugins/auth.ts';
import { withAudit } from '../../services/auditService.ts';
import { collection, searchset } from '../../services/fhir/bundle.ts';
import {
  type ClinicalScope,
  encounterRecords,
  readCondition,
  readEncounter,
  readObservation,
  readPatient,
  searchConditions,
  searchObservations,
} from '../../services/fhir/clinicalRecords.ts';
import { Bundle, Condition, Encounter, Observation, OperationOutcome, Patient } from '../../services/fhir/resources.ts';
import { fhirBase, requestUrl } from './baseUrl.ts';

const clinic = { roles: ['practitioner'] } as const;
const errors = { 400: OperationOutcome, 401: OperationOutcome, 403: OperationOutcome, 404: OperationOutcome };
const tags = ['fhir'];

const IdParam = z.object({ id: z.string().min(1).max(64) });

/** A reference search value: a bare id or `Type/id`. */
const referenceTo = (type: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .transform((v) => (v.startsWith(`${type}/`) ? v.slice(type.length + 1) : v));

const SearchQuery = z
  .object({ patient: referenceTo('Patient').optional(), encounter: referenceTo('Encounter').optional() })
  .refine((q) => q.patient !== undefined || q.encounter !== undefined, {
    message: 'search by patient or encounter',
    path: ['patient'],
  });

/** What a search is audited against: the visit when given, else the patient. */
const auditTarget = (scope: ClinicalScope) =>
  scope.encounterId
    ? { entity: 'encounter', entityId: scope.encounterId }
    : { entity: 'patient', entityId: scope.patientId ?? null };

export const clinicalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/Patient/:id',
    {
      config: { access: clinic },
      schema: { tags, summary: 'One of your patients', params: IdParam, response: { 200: Patient, ...errors } },
    },
    (req) =>
      withAudit(app.db, req, { action: 'fhir.patient.read', entity: 'patient', entityId: req.params.id }, () =>
        readPatient(app.db, callerUser(req).id, req.params.id),
      ),
  );

  app.get(
    '/Encounter/:id',
    {
      config: { access: clinic },
      schema: { tags, summary: 'One of your visits', params: IdParam, response: { 200: Encounter, ...errors } },
    },
    (req) =>
      withAudit(app.db, req, { action: 'fhir.encounter.read', entity: 'encounter', entityId: req.params.id }, () =>
        readEncounter(app.db, callerUser(req).id, req.params.id),
      ),
  );

  app.get(
    '/Encounter/:id/$everything',
    {
      config: { access: clinic },
      schema: {
        tags,
        summary: 'A visit exported as a collection Bundle: Encounter, Patient, Condition and Observations',
        params: IdParam,
        response: { 200: Bundle, ...errors },
      },
    },
    (req) =>
      withAudit(
        app.db,
        req,
        { action: 'fhir.encounter.everything', entity: 'encounter', entityId: req.params.id },
        async () => {
          const r = await encounterRecords(app.db, callerUser(req).id, req.params.id);
          return collection(fhirBase(req), [r.encounter, r.patient, ...r.conditions, ...r.observations]);
        },
      ),
  );

  app.get(
    '/Condition',
    {
      config: { access: clinic },
      schema: {
        tags,
        summary: 'Confirmed diagnoses of your patient (or visit)',
        querystring: SearchQuery,
        response: { 200: Bundle, ...errors },
      },
    },
    (req) => {
      const scope = { patientId: req.query.patient, encounterId: req.query.encounter };
      return withAudit(app.db, req, { action: 'fhir.condition.search', ...auditTarget(scope) }, async () =>
        searchset(fhirBase(req), requestUrl(req), await searchConditions(app.db, callerUser(req).id, scope)),
      );
    },
  );

  app.get(
    '/Condition/:id',
    {
      config: { access: clinic },
      schema: { tags, summary: 'One confirmed diagnosis', params: IdParam, response: { 200: Condition, ...errors } },
    },
    (req) =>
      withAudit(app.db, req, { action: 'fhir.condition.read', entity: 'diagnosis', entityId: req.params.id }, () =>
        readCondition(app.db, callerUser(req).id, req.params.id),
      ),
  );

  app.get(
    '/Observation',
    {
      config: { access: clinic },
      schema: {
        tags,
        summary: 'Findings (symptoms present or absent) of your patient or visit',
        querystring: SearchQuery,
        response: { 200: Bundle, ...errors },
      },
    },
    (req) => {
      const scope = { patientId: req.query.patient, encounterId: req.query.encounter };
      return withAudit(app.db, req, { action: 'fhir.observation.search', ...auditTarget(scope) }, async () =>
        searchset(fhirBase(req), requestUrl(req), await searchObservations(app.db, callerUser(req).id, scope)),
      );
    },
  );

  app.get(
    '/Observation/:id',
    {
      config: { access: clinic },
      schema: { tags, summary: 'One finding', params: IdParam, response: { 200: Observation, ...errors } },
    },
    (req) =>
      withAudit(app.db, req, { action: 'fhir.observation.read', entity: 'finding', entityId: req.params.id }, () =>
        readObservation(app.db, callerUser(req).id, req.params.id),
      ),
  );
};
