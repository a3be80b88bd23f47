// What a service refuses, in domain terms: a record that is not there (or not the caller's), a change the record's
// state forbids, input that breaks a rule. The errors plugin turns each into a problem document; services know
// nothing of HTTP.

export interface FieldError {
  field: string;
  message: string;
}

export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Also what another practitioner's record looks like: never a hint that it exists. */
export const notFound = (what = 'The record') => new DomainError('not-found', `${what} does not exist.`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const invalid = (message: string, fields?: FieldError[]) => new DomainError('invalid', message, fields);
