import { describe, expect, it } from 'vitest';
import { logSerializers, redactUrl } from './logRedaction.ts';

describe('log redaction', () => {
  it('keeps the path only and hides share tokens', () => {
    expect(redactUrl('/api/v1/patients?q=Amina%20Khan')).toBe('/api/v1/patients');
    expect(redactUrl('/fhir/Patient?name=Amina#x')).toBe('/fhir/Patient');
    expect(redactUrl('/api/v1/shared-notes/abcDEF123?x=1')).toBe('/api/v1/shared-notes/[redacted]');
    expect(redactUrl('/n/abcDEF123')).toBe('/n/[redacted]');
  });

  it('withholds what a database error quotes back, keeping its kind, code and frames', () => {
    const error = Object.assign(new Error('Invalid `prisma.patient.create()` invocation: { name: "Amina Khan" }'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2002',
    });
    const logged = logSerializers.err(error);
    expect(JSON.stringify(logged)).not.toContain('Amina');
    expect(logged).toMatchObject({ code: 'P2002', message: 'PrismaClientKnownRequestError (details withheld)' });
    expect(logSerializers.err(new Error('plain failure')).message).toBe('plain failure');
  });
});
