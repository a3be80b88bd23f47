// A practitioner's own records read by id as FHIR: Patient, Encounter (and its export), Condition and Observation.
// Each read is audited; another practitioner's ids answer 404. Searches: search.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerUser } from '../../plugins/auth.ts';
import { collection, searchset } from '../../services/fhir/bundle.ts';
import {
  encounterRecords,
  patientRecords,
  readCondition,
  readEncounter,
  readObservation,
  readPatient,
} from '../../services/fhir/clinicalRecords.ts';
import { Bundle, Condition, Encounter, Observation, OperationOutcome, Patient } from '../../services/fhir/resources.ts';
import { fhirBase, requestUrl } from './baseUrl.ts';

// A practitioner signed in, or a key or token of theirs with fhir:read (decision 0022): their own records only.
const clinic = { roles: ['practitioner'], scope: 'fhir:read' } as const;
const errors = { 400: OperationOutcome, 401: OperationOutcome, 403: OperationOutcome, 404: OperationOutcome };
const tags = ['fhir'];

const IdParam = z.object({ id: z.string().min(1).max(64) });

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
    '/Patient/:id/$everything',
    {
      config: { access: clinic, audit: { action: 'fhir.patient.everything', entity: 'patient' } },
      schema: {
        tags,
        summary:
          'Everything of one of your patients as a searchset Bundle: Patient, Encounters, Conditions, Observations',
        description: 'One page holding every record; no parameters (_since, _type, _count) are supported.',
        params: IdParam,
        response: { 200: Bundle, ...errors },
      },
    },
    (req) =>
      (async () => {
        const records = await patientRecords(app.db, callerUser(req).id, req.params.id);
        return searchset(fhirBase(req), [{ relation: 'self', url: requestUrl(req) }], records);
      })(),
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
    '/Condition/:id',
    {
      config: { access: clinic, audit: { action: 'fhir.condition.read', entity: 'diagnosis' } },
      schema: { tags, summary: 'One confirmed diagnosis', params: IdParam, response: { 200: Condition, ...errors } },
    },
    (req) => readCondition(app.db, callerUser(req).id, req.params.id),
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
