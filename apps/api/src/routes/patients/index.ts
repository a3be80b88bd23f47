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
import { withAudit } from '../../services/auditService.ts';
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
      config: { access: clinic },
      schema: {
        tags: ['patients'],
        summary: 'The signed-in practitioner’s patients, newest first; `q` searches names',
        querystring: ListQuery.extend(PatientListQuery.shape),
        response: { 200: pageOf(PatientView), ...errors },
      },
    },
    (req) =>
      withAudit(app.db, req, { action: 'patient.list', entity: 'patient' }, () =>
        listPatients(app.db, callerUser(req).id, req.query),
      ),
  );

  app.post(
    '/api/v1/patients',
    {
      config: { access: clinic },
      schema: {
        tags: ['patients'],
        summary: 'Register a patient',
        body: PatientCreate,
        response: { 201: PatientView, ...errors },
      },
    },
    async (req, reply) => {
      const patient = await withAudit(app.db, req, { action: 'patient.create', entity: 'patient' }, () =>
        createPatient(app.db, callerUser(req).id, req.body),
      );
      return reply.code(201).send(patient);
    },
  );

  app.get(
    '/api/v1/patients/:id',
    {
      config: { access: clinic },
      schema: {
        tags: ['patients'],
        summary: 'One patient',
        params: IdParam,
        response: { 200: PatientView, ...errors },
      },
    },
    (req) =>
      withAudit(app.db, req, { action: 'patient.read', entity: 'patient', entityId: req.params.id }, () =>
        getPatient(app.db, callerUser(req).id, req.params.id),
      ),
  );

  app.patch(
    '/api/v1/patients/:id',
    {
      config: { access: clinic },
      schema: {
        tags: ['patients'],
        summary: 'Change a patient’s details',
        params: IdParam,
        body: PatientUpdate,
        response: { 200: PatientView, ...errors },
      },
    },
    (req) =>
      withAudit(app.db, req, { action: 'patient.update', entity: 'patient', entityId: req.params.id }, () =>
        updatePatient(app.db, callerUser(req).id, req.params.id, req.body),
      ),
  );

  app.delete(
    '/api/v1/patients/:id',
    {
      config: { access: clinic },
      schema: {
        tags: ['patients'],
        summary: 'Remove a patient from the lists (kept for the audit trail)',
        params: IdParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await withAudit(app.db, req, { action: 'patient.delete', entity: 'patient', entityId: req.params.id }, () =>
        deletePatient(app.db, callerUser(req).id, req.params.id),
      );
      return reply.code(204).send(null);
    },
  );
};
