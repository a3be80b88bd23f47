// A practitioner's own records as FHIR: Patient, Encounter (and its export), Condition and Observation.
// Reads only, each one audited; another practitioner's ids answer 404.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerUser } from '../../plugins/auth.ts';
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

/** The patient and visit a search asks about. */
const scopeOf = (query: unknown): ClinicalScope => {
  const q = query as { patient?: string; encounter?: string };
  return { patientId: q.patient, encounterId: q.encounter };
};

/** What a search is audited against: the visit when given, else the patient. */
const auditTarget = (req: FastifyRequest) => {
  const scope = scopeOf(req.query);
  return scope.encounterId
    ? { entity: 'encounter', entityId: scope.encounterId }
    : { entity: 'patient', entityId: scope.patientId ?? null };
};

export const clinicalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/Patient/:id',
    {
      config: { access: clinic, audit: { action: 'fhir.patient.read', entity: 'patient' } },
      schema: { tags, summary: 'One of your patients', params: IdParam, response: { 200: Patient, ...errors } },
    },
    (req) => readPatient(app.db, callerUser(req).id, req.params.id),
  );

  app.get(
    '/Encounter/:id',
    {
      config: { access: clinic, audit: { action: 'fhir.encounter.read', entity: 'encounter' } },
      schema: { tags, summary: 'One of your visits', params: IdParam, response: { 200: Encounter, ...errors } },
    },
    (req) => readEncounter(app.db, callerUser(req).id, req.params.id),
  );

  app.get(
    '/Encounter/:id/$everything',
    {
      config: { access: clinic, audit: { action: 'fhir.encounter.everything', entity: 'encounter' } },
      schema: {
        tags,
        summary: 'A visit exported as a collection Bundle: Encounter, Patient, Condition and Observations',
        params: IdParam,
        response: { 200: Bundle, ...errors },
      },
    },
    (req) =>
      (async () => {
        const r = await encounterRecords(app.db, callerUser(req).id, req.params.id);
        return collection(fhirBase(req), [r.encounter, r.patient, ...r.conditions, ...r.observations]);
      })(),
  );

  app.get(
    '/Condition',
    {
      config: { access: clinic, audit: { action: 'fhir.condition.search', entity: 'patient', target: auditTarget } },
      schema: {
        tags,
        summary: 'Confirmed diagnoses of your patient (or visit)',
        querystring: SearchQuery,
        response: { 200: Bundle, ...errors },
      },
    },
    async (req) =>
      searchset(fhirBase(req), requestUrl(req), await searchConditions(app.db, callerUser(req).id, scopeOf(req.query))),
  );

  app.get(
    '/Condition/:id',
    {
      config: { access: clinic, audit: { action: 'fhir.condition.read', entity: 'diagnosis' } },
      schema: { tags, summary: 'One confirmed diagnosis', params: IdParam, response: { 200: Condition, ...errors } },
    },
    (req) => readCondition(app.db, callerUser(req).id, req.params.id),
  );

  app.get(
    '/Observation',
    {
      config: { access: clinic, audit: { action: 'fhir.observation.search', entity: 'patient', target: auditTarget } },
      schema: {
        tags,
        summary: 'Findings (symptoms present or absent) of your patient or visit',
        querystring: SearchQuery,
        response: { 200: Bundle, ...errors },
      },
    },
    async (req) =>
      searchset(
        fhirBase(req),
        requestUrl(req),
        await searchObservations(app.db, callerUser(req).id, scopeOf(req.query)),
      ),
  );

  app.get(
    '/Observation/:id',
    {
      config: { access: clinic, audit: { action: 'fhir.observation.read', entity: 'finding' } },
      schema: { tags, summary: 'One finding', params: IdParam, response: { 200: Observation, ...errors } },
    },
    (req) => readObservation(app.db, callerUser(req).id, req.params.id),
  );
};
