// OperationOutcome resources: errors under /fhir (one issue, its code chosen from the HTTP status) and the warnings a
// search adds about what it ignored.
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

/** A searchset's note on the parameters it ignored (lenient handling): one warning each. */
export function ignoredParameters(type: string, parameters: string[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: parameters.map((p) => ({
      severity: 'warning' as const,
      code: 'not-supported',
      diagnostics: `"${p}" is not supported in a ${type} search here and was ignored; the self link shows what was applied.`,
    })),
  };
}
