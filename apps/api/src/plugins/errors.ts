// Errors leave as application/problem+json (RFC 9457); details of server faults stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}) {
  return { type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra };
}

/** The answer to a path no route serves. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .type('application/problem+json')
    .send(problem(404, 'Not Found', `No route for ${req.method} ${req.url.split('?')[0]}`));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'request failed');
      reply
        .code(status)
        .type('application/problem+json')
        .send(
          problem(status, 'Internal Server Error', 'The server could not complete the request; it has been logged.'),
        );
      return;
    }
    reply
      .code(status)
      .type('application/problem+json')
      .send(problem(status, error.code ?? 'Bad Request', error.message));
  });
}
