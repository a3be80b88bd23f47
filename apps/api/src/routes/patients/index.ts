// A practitioner's patients: list with search, create, read, update, soft delete.
import {
  IdParam,
  ListQuery,
  PatientCreate,
  PatientListQuery,
  PatientUpdate,
  PatientView,
  Problem,
  pageOf,
} from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerUser } from '../../plugins/auth.ts';
import {
  createPatient,
  deletePatient,
  getPatient,
  listPatients,
  updatePatient,
} from '../../services/patientService.ts';

const clinic = { roles: ['practitioner'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/patients',
    {
      config: { access: clinic, audit: { action: 'patient.list', entity: 'patient', entityId: 'created' } },
      schema: {
        tags: ['patients'],
        summary: 'The signed-in practitioner’s patients, newest first; `q` searches names',
        querystring: ListQuery.extend(PatientListQuery.shape),
        response: { 200: pageOf(PatientView), ...errors },
      },
    },
    (req) => listPatients(app.db, callerUser(req).id, req.query),
  );

  app.post(
    '/api/v1/patients',
    {
      config: { access: clinic, audit: { action: 'patient.create', entity: 'patient', entityId: 'created' } },
      schema: {
        tags: ['patients'],
        summary: 'Register a patient',
        body: PatientCreate,
        response: { 201: PatientView, ...errors },
      },
    },
    async (req, reply) => {
      const patient = await createPatient(app.db, callerUser(req).id, req.body);
      return reply.code(201).send(patient);
    },
  );

  app.get(
    '/api/v1/patients/:id',
    {
      config: { access: clinic, audit: { action: 'patient.read', entity: 'patient' } },
      schema: {
        tags: ['patients'],
        summary: 'One patient',
        params: IdParam,
        response: { 200: PatientView, ...errors },
      },
    },
    (req) => getPatient(app.db, callerUser(req).id, req.params.id),
  );

  app.patch(
    '/api/v1/patients/:id',
    {
      config: { access: clinic, audit: { action: 'patient.update', entity: 'patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Change a patient’s details',
        params: IdParam,
        body: PatientUpdate,
        response: { 200: PatientView, ...errors },
      },
    },
    (req) => updatePatient(app.db, callerUser(req).id, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/patients/:id',
    {
      config: { access: clinic, audit: { action: 'patient.delete', entity: 'patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Remove a patient from the lists (kept for the audit trail)',
        params: IdParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deletePatient(app.db, callerUser(req).id, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
