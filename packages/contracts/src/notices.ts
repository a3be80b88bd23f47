// Plain texts every surface shows, kept free of zod so the web app's first page can import them cheaply.

export const ADVISORY_NOTICE =
  'Decision support only: these suggestions are advisory and do not replace the clinical judgement of a qualified practitioner.';
