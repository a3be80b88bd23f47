// The patient's view of a shared note: no account, only the token; rate-limited against guessing.
import { Problem, routeTable } from '@unani/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpProblem } from '../../plugins/errors.ts';
import { readSharedNote } from '../../services/noteService.ts';
import { routeOf } from '../routeOf.ts';

/** A patient opens a note a few times; guessing tokens needs millions of tries. */
const SHARED_NOTE_RATE = { max: 30, timeWindow: '1 minute' };

export const sharedNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(routeTable.getSharedNote, {
      tags: ['notes'],
      summary: 'A patient’s treatment note, by its share link (no account)',
      errors: { 404: Problem, 410: Problem, 429: Problem },
    }),
    config: {
      access: { public: true },
      rateLimit: SHARED_NOTE_RATE,
      // The token is never recorded: a guessed one is a row without a record, an opened one names its note.
      audit: { action: 'note.open', entity: 'note', entityId: 'none', anonymousAs: 'patientLink' },
    },
    handler: async (req, reply) => {
      const result = await readSharedNote(app.db, req.params.token);
      if (result.status === 'unknown')
        throw new HttpProblem(404, 'Not Found', 'This link is not valid. Please ask your practitioner for a new one.');
      if (result.status === 'gone') {
        const detail =
          result.reason === 'expired'
            ? 'This note has expired. Please ask your practitioner for a new link.'
            : 'This note has been withdrawn by your practitioner. Please ask them for a new link.';
        throw new HttpProblem(410, 'Gone', detail);
      }
      req.auditTarget = { entity: 'note', entityId: result.noteId };
      reply.header('cache-control', 'no-store');
      return result.note;
    },
  });
};
