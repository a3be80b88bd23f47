// The patient notes shared from a visit's plan: create (the link is returned once), list, revoke.
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerUser } from '../../plugins/auth.ts';
import { createNote, listNotes, revokeNote } from '../../services/noteService.ts';
import { routeOf } from '../routeOf.ts';

const clinic = { roles: ['practitioner'] } as const;
const tags = ['notes'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const noteRoutes: FastifyPluginAsyncZod<{ publicUrl?: string }> = async (app, opts) => {
  app.route({
    ...routeOf(routeTable.createNote, {
      tags,
      summary: 'Share the treatment note with the patient: returns the link once',
      errors,
    }),
    config: { access: clinic, audit: { action: 'note.create', entity: 'encounter' } },
    handler: async (req, reply) => {
      const { language, expiresInDays } = req.body;
      const note = await createNote(app.db, callerUser(req).id, req.params.id, language, expiresInDays);
      const origin = opts.publicUrl ?? `${req.protocol}://${req.host}`;
      // An Urdu note's link says so, so the page can ask for the Nastaliq font before it knows the note.
      const query = note.language === 'ur' ? '?lang=ur' : '';
      return reply.code(201).send({ ...note, url: `${origin.replace(/\/$/, '')}/n/${note.token}${query}` });
    },
  });

  app.route({
    ...routeOf(routeTable.listNotes, { tags, summary: 'Notes shared from this visit (without their links)', errors }),
    config: { access: clinic, audit: { action: 'note.list', entity: 'encounter' } },
    handler: async (req) => ({ items: await listNotes(app.db, callerUser(req).id, req.params.id) }),
  });

  app.route({
    ...routeOf(routeTable.revokeNote, {
      tags,
      summary: 'Revoke a shared note: its link stops working at once',
      errors,
    }),
    config: { access: clinic, audit: { action: 'note.revoke', entity: 'note' } },
    handler: (req) => revokeNote(app.db, callerUser(req).id, req.params.id),
  });
};
