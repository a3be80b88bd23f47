// The patient notes shared from a visit's plan: create (the link is returned once), list, revoke.
import { IdParam, NoteCreate, NoteCreated, NoteSummary, Problem } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerUser } from '../../plugins/auth.ts';
import { createNote, listNotes, revokeNote } from '../../services/noteService.ts';

const clinic = { roles: ['practitioner'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const noteRoutes: FastifyPluginAsyncZod<{ publicUrl?: string }> = async (app, opts) => {
  app.post(
    '/api/v1/encounters/:id/notes',
    {
      config: { access: clinic, audit: { action: 'note.create', entity: 'encounter' } },
      schema: {
        tags: ['notes'],
        summary: 'Share the treatment note with the patient: returns the link once',
        params: IdParam,
        body: NoteCreate,
        response: { 201: NoteCreated, ...errors },
      },
    },
    async (req, reply) => {
      const note = await createNote(
        app.db,
        callerUser(req).id,
        req.params.id,
        req.body.language,
        req.body.expiresInDays,
      );
      const origin = opts.publicUrl ?? `${req.protocol}://${req.host}`;
      // An Urdu note's link says so, so the page can ask for the Nastaliq font before it knows the note.
      const language = note.language === 'ur' ? '?lang=ur' : '';
      return reply.code(201).send({ ...note, url: `${origin.replace(/\/$/, '')}/n/${note.token}${language}` });
    },
  );

  app.get(
    '/api/v1/encounters/:id/notes',
    {
      config: { access: clinic, audit: { action: 'note.list', entity: 'encounter' } },
      schema: {
        tags: ['notes'],
        summary: 'Notes shared from this visit (without their links)',
        params: IdParam,
        response: { 200: z.object({ items: z.array(NoteSummary) }), ...errors },
      },
    },
    async (req) => ({
      items: await listNotes(app.db, callerUser(req).id, req.params.id),
    }),
  );

  app.post(
    '/api/v1/notes/:id/revoke',
    {
      config: { access: clinic, audit: { action: 'note.revoke', entity: 'note' } },
      schema: {
        tags: ['notes'],
        summary: 'Revoke a shared note: its link stops working at once',
        params: IdParam,
        response: { 200: z.object({ id: z.string(), revokedAt: z.iso.datetime() }), ...errors },
      },
    },
    (req) => revokeNote(app.db, callerUser(req).id, req.params.id),
  );
};
