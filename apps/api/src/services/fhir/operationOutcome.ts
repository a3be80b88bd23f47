// Errors under /fhir as OperationOutcome resources: one issue, its code chosen from the HTTP status.
import type { OperationOutcome } from './resources.ts';

/** R4 issue-type codes for the statuses we answer with. */
const issueCodes: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  410: 'deleted',
  413: 'too-long',
  415: 'not-supported',
  429: 'throttled',
  503: 'transient',
};

export function issueCodeFor(status: number): string {
  return issueCodes[status] ?? (status >= 500 ? 'exception' : 'processing');
}

export function operationOutcome(status: number, diagnostics: string[]): OperationOutcome {
  const code = issueCodeFor(status);
  return {
    resourceType: 'OperationOutcome',
    issue: diagnostics.map((text) => ({ severity: 'error' as const, code, diagnostics: text })),
  };
}
