// Errors leave as application/problem+json (RFC 9457); details of server faults stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/databaseErrors.ts';
import { DomainError, type DomainErrorKind, type FieldError } from '../services/domainErrors.ts';

/** The status and title of each kind of domain error (the FHIR error handler uses them too). */
export const domainStatus: Record<DomainErrorKind, [number, string]> = {
  'not-found': [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  invalid: [400, 'Bad Request'],
};

export function problem(status: number, title: string, detail?: string, errors?: FieldError[], type = 'about:blank') {
  return { type, title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

/** Thrown by routes (and plugins) for an answer a client can act on; services throw DomainError instead. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    /** A URI naming the kind of problem where a client acts on it (RFC 9457); `about:blank` otherwise. */
    readonly type?: string,
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** The answer to a path no route serves. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .type('application/problem+json')
    .send(problem(404, 'Not Found', `No route for ${req.method} ${req.url.split('?')[0]}`));
}

function fieldPath(instancePath: string, params: unknown): string {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (params as { missingProperty?: string } | undefined)?.missingProperty;
  return [base, missing].filter(Boolean).join('.') || '(body)';
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const send = (status: number, title: string, detail?: string, errors?: FieldError[], type?: string) =>
      reply
        .code(status)
        .type('application/problem+json')
        .send(problem(status, title, detail, errors, type));

    if (error instanceof HttpProblem)
      return send(error.statusCode, error.title, error.message, error.errors, error.type);
    if (error instanceof DomainError) {
      const [status, title] = domainStatus[error.kind];
      return send(status, title, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const errors = error.validation.map((v) => ({
        field: `${where}.${fieldPath(v.instancePath, v.params)}`.replace(/\.\(body\)$/, ''),
        message: v.message ?? 'is invalid',
      }));
      return send(400, 'Bad Request', `The ${where} is invalid.`, errors);
    }
    if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, 'database unavailable');
      return send(503, 'Service Unavailable', 'The database is not answering; please try again shortly.');
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return send(500, 'Internal Server Error', 'The server could not complete the request; it has been logged.');
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'request failed');
      return send(
        status,
        titles[status] ?? 'Internal Server Error',
        'The server could not complete the request; it has been logged.',
      );
    }
    // Fastify's own client errors (malformed JSON, body too large, wrong content type) carry safe messages.
    return send(status, titles[status] ?? 'Bad Request', error.message);
  });
}
