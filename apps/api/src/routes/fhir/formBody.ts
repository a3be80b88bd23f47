// Form bodies (application/x-www-form-urlencoded), as FHIR's `POST [type]/_search` sends its parameters: read like a
// query string, a name given twice becoming a list. Registered under /fhir only, within the server's body limit.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const FORM = 'application/x-www-form-urlencoded';

/** The fields of a form body; the object has no prototype, so no field name can reach one. */
export function formFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : [...[earlier].flat(), value];
  }
  return fields;
}

export const isFormBody = (req: FastifyRequest) =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === FORM;

export function registerFormBody(scope: FastifyInstance): void {
  scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => {
    done(null, formFields(body as string));
  });
}
