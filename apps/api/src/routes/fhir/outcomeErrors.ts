// Under /fhir every error leaves as an OperationOutcome (application/fhir+json) with the HTTP status;
// as elsewhere, details of server faults stay in the log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { domainStatus, HttpProblem } from '../../plugins/errors.ts';
import { DomainError } from '../../services/domainErrors.ts';
import { operationOutcome } from '../../services/fhir/operationOutcome.ts';
import { FHIR_JSON } from '../../services/fhir/resources.ts';

const SERVER_FAULT = 'The server could not complete the request; it has been logged.';

export function sendOutcome(reply: FastifyReply, status: number, diagnostics: string[]) {
  return reply.code(status).type(FHIR_JSON).send(operationOutcome(status, diagnostics));
}

export function sendFhirNotFound(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0] ?? '';
  return sendOutcome(reply, 404, [`This server has no FHIR interaction ${req.method} ${path}.`]);
}

export function fhirErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) {
    const fields = error.errors?.map((e) => `${e.field}: ${e.message}`) ?? [];
    return sendOutcome(reply, error.statusCode, [error.message, ...fields]);
  }
  if (error instanceof DomainError) {
    const fields = error.fields?.map((e) => `${e.field}: ${e.message}`) ?? [];
    return sendOutcome(reply, domainStatus[error.kind][0], [error.message, ...fields]);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const fields = error.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return `${where}${field ? `.${field}` : ''}: ${v.message ?? 'is invalid'}`;
    });
    return sendOutcome(reply, 400, [`The ${where} is invalid.`, ...fields]);
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: error, issues: error.cause.issues }, 'FHIR response did not match its schema');
    return sendOutcome(reply, 500, [SERVER_FAULT]);
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) {
    req.log.error({ err: error }, 'FHIR request failed');
    return sendOutcome(reply, status, [SERVER_FAULT]);
  }
  // Fastify's own client errors (malformed request, wrong content type) carry safe messages.
  return sendOutcome(reply, status, [error.message]);
}
