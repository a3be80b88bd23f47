// Treatment plans and the patient notes shared from them.
import {
  IdParam,
  NoteCreate,
  NoteCreated,
  NoteSummary,
  PlanCheckView,
  PlanRequest,
  PlanView,
  Problem,
} from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../db/transactions.ts';
import { requireEngine } from '../../engine/engineAccess.ts';
import { callerUser } from '../../plugins/auth.ts';
import { withAudit } from '../../services/auditService.ts';
import { createNote, listNotes, revokeNote } from '../../services/noteService.ts';
import { checkPlanDraft, getPlan, savePlan } from '../../services/planService.ts';

const clinic = { roles: ['practitioner'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const planRoutes: FastifyPluginAsyncZod<{ publicUrl?: string }> = async (app, opts) => {
  app.get(
    '/api/v1/encounters/:id/plan',
    {
      config: { access: clinic },
      schema: {
        tags: ['plans'],
        summary: 'The visit’s treatment plan',
        params: IdParam,
        response: { 200: PlanView, ...errors },
      },
    },
    (req) =>
      withAudit(app.db, req, { action: 'plan.read', entity: 'encounter', entityId: req.params.id }, () =>
        getPlan(app.db, app.engine, callerUser(req).id, req.params.id),
      ),
  );

  app.post(
    '/api/v1/encounters/:id/plan',
    {
      config: { access: clinic },
      schema: {
        tags: ['plans'],
        summary: 'Save (or replace) the treatment plan: dawa, ghiza, tadbeer and advice items',
        params: IdParam,
        body: PlanRequest,
        response: { 201: PlanView, ...errors },
      },
    },
    async (req, reply) => {
      const plan = await withAudit(
        app.db,
        req,
        { action: 'plan.save', entity: 'encounter', entityId: req.params.id },
        () => inTransaction(app.db, (tx) => savePlan(tx, app.engine, callerUser(req).id, req.params.id, req.body)),
      );
      return reply.code(201).send(plan);
    },
  );

  app.post(
    '/api/v1/encounters/:id/plan/check',
    {
      config: { access: clinic },
      schema: {
        tags: ['plans'],
        summary:
          'Check a draft plan without saving it: dose above the maximum, contraindications for this patient, toxic remedies',
        params: IdParam,
        body: PlanRequest,
        response: { 200: PlanCheckView, ...errors },
      },
    },
    (req) =>
      withAudit(app.db, req, { action: 'plan.check', entity: 'encounter', entityId: req.params.id }, () =>
        checkPlanDraft(app.db, requireEngine(app), callerUser(req).id, req.params.id, req.body),
      ),
  );

  app.post(
    '/api/v1/encounters/:id/notes',
    {
      config: { access: clinic },
      schema: {
        tags: ['notes'],
        summary: 'Share the treatment note with the patient: returns the link once',
        params: IdParam,
        body: NoteCreate,
        response: { 201: NoteCreated, ...errors },
      },
    },
    async (req, reply) => {
      const note = await withAudit(
        app.db,
        req,
        { action: 'note.create', entity: 'encounter', entityId: req.params.id },
        () => createNote(app.db, callerUser(req).id, req.params.id, req.body.language, req.body.expiresInDays),
      );
      const origin = opts.publicUrl ?? `${req.protocol}://${req.host}`;
      return reply.code(201).send({ ...note, url: `${origin.replace(/\/$/, '')}/n/${note.token}` });
    },
  );

  app.get(
    '/api/v1/encounters/:id/notes',
    {
      config: { access: clinic },
      schema: {
        tags: ['notes'],
        summary: 'Notes shared from this visit (without their links)',
        params: IdParam,
        response: { 200: z.object({ items: z.array(NoteSummary) }), ...errors },
      },
    },
    async (req) => ({
      items: await withAudit(app.db, req, { action: 'note.list', entity: 'encounter', entityId: req.params.id }, () =>
        listNotes(app.db, callerUser(req).id, req.params.id),
      ),
    }),
  );

  app.post(
    '/api/v1/notes/:id/revoke',
    {
      config: { access: clinic },
      schema: {
        tags: ['notes'],
        summary: 'Revoke a shared note: its link stops working at once',
        params: IdParam,
        response: { 200: z.object({ id: z.string(), revokedAt: z.iso.datetime() }), ...errors },
      },
    },
    (req) =>
      withAudit(app.db, req, { action: 'note.revoke', entity: 'note', entityId: req.params.id }, () =>
        revokeNote(app.db, callerUser(req).id, req.params.id),
      ),
  );
};
