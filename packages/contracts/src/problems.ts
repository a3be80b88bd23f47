// Problem `type`s (RFC 9457) a client acts on, kept free of zod so the sign-in page can import them cheaply.

/** A sign-in whose password was right, on an account with a second factor, sent without (or with a wrong) code. */
export const SECOND_FACTOR_REQUIRED = 'urn:unani-cdss:problem:second-factor-required';
