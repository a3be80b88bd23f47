// A practitioner's patients: list with search, create, read, update, soft delete; their Mizaj assessments.
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerUser } from '../../plugins/auth.ts';
import { createMizajAssessment, listMizajAssessments } from '../../services/mizajService.ts';
import {
  createPatient,
  deletePatient,
  getPatient,
  listPatients,
  updatePatient,
} from '../../services/patientService.ts';
import { routeOf } from '../routeOf.ts';

const clinic = { roles: ['practitioner'] } as const;
const tags = ['patients'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.listPatients, {
      tags,
      summary: 'The signed-in practitioner’s patients, newest first; `q` searches names',
      errors,
    }),
    config: { access: clinic, audit: { action: 'patient.list', entity: 'patient', entityId: 'created' } },
    handler: (req) => listPatients(app.db, callerUser(req).id, req.query),
  });

  app.route({
    ...routeOf(routeTable.createPatient, { tags, summary: 'Register a patient', errors }),
    config: { access: clinic, audit: { action: 'patient.create', entity: 'patient', entityId: 'created' } },
    handler: async (req, reply) => {
      const patient = await createPatient(app.db, callerUser(req).id, req.body);
      return reply.code(201).send(patient);
    },
  });

  app.route({
    ...routeOf(routeTable.getPatient, { tags, summary: 'One patient', errors }),
    config: { access: clinic, audit: { action: 'patient.read', entity: 'patient' } },
    handler: (req) => getPatient(app.db, callerUser(req).id, req.params.id),
  });

  app.route({
    ...routeOf(routeTable.updatePatient, { tags, summary: 'Change a patient’s details', errors }),
    config: { access: clinic, audit: { action: 'patient.update', entity: 'patient' } },
    handler: (req) => updatePatient(app.db, callerUser(req).id, req.params.id, req.body),
  });

  app.route({
    ...routeOf(routeTable.deletePatient, {
      tags,
      summary: 'Remove a patient from the lists (kept for the audit trail)',
      errors,
    }),
    config: { access: clinic, audit: { action: 'patient.delete', entity: 'patient' } },
    handler: async (req, reply) => {
      await deletePatient(app.db, callerUser(req).id, req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...routeOf(routeTable.listMizajAssessments, {
      tags,
      summary: 'The patient’s Mizaj assessments (questionnaire or judgement), newest first',
      errors,
    }),
    config: { access: clinic, audit: { action: 'patient.mizaj.list', entity: 'patient' } },
    handler: (req) => listMizajAssessments(app.db, callerUser(req).id, req.params.id, req.query),
  });

  app.route({
    ...routeOf(routeTable.createMizajAssessment, {
      tags,
      summary:
        'Score the Ajnas-e-Ashra questionnaire, keep it and set the patient’s Mizaj to its result (400 when the ' +
        'answers name no temperament)',
      errors,
    }),
    config: { access: clinic, audit: { action: 'patient.mizaj.assess', entity: 'patient' } },
    handler: async (req, reply) => {
      const assessment = await createMizajAssessment(app.db, callerUser(req).id, req.params.id, req.body);
      return reply.code(201).send(assessment);
    },
  });
};
