// FHIR searches of a practitioner's own records: `GET /fhir/<Type>?…` and `POST /fhir/<Type>/_search` with the same
// parameters as a form body (and any in the query string), for Patient, Condition and Observation. Each answers one
// searchset page, and is audited against the patient or visit it names — not_found when that is not the caller's.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditTarget } from '../../plugins/audit.ts';
import { callerUser } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/errors.ts';
import { Bundle, OperationOutcome } from '../../services/fhir/resources.ts';
import { type SearchSubject, searchRecords } from '../../services/fhir/search.ts';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SearchableType,
  searchParameters,
} from '../../services/fhir/searchParameters.ts';
import { handlingOf, type RawSearchParams } from '../../services/fhir/searchRequest.ts';
import { fhirBase } from './baseUrl.ts';
import { FORM, isFormBody } from './formBody.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The patient or visit a FHIR search named, for its audit row. */
    fhirSearchSubject?: SearchSubject;
  }
}

// A practitioner signed in, or a key or token of theirs with fhir:read (decision 0022): their own records only.
const clinic = { roles: ['practitioner'], scope: 'fhir:read' } as const;
const errors = { 400: OperationOutcome, 401: OperationOutcome, 403: OperationOutcome, 415: OperationOutcome };
const tags = ['fhir'];

/** Bounds on what a search may send; generous for any real search, small enough to refuse abuse early. */
const MAX_PARAMETERS = 40;
const MAX_NAME_LENGTH = 100;
const MAX_VALUE_LENGTH = 1000;
const MAX_REPEATS = 20;

const SearchValue = z.union([
  z.string().max(MAX_VALUE_LENGTH),
  z.array(z.string().max(MAX_VALUE_LENGTH)).max(MAX_REPEATS),
]);

/** The parameters of a `type` search: its own (documented one by one, modifiers included) and the paging ones;
 *  any other name is let through, to be ignored or refused as the client's handling preference says. */
function searchParamsSchema(type: SearchableType) {
  const own = searchParameters[type].flatMap((p) =>
    [p.name, ...p.modifiers.map((m) => `${p.name}:${m}`)].map((key) => [
      key,
      SearchValue.optional().describe(p.documentation),
    ]),
  );
  return z
    .object({
      ...Object.fromEntries(own),
      _count: SearchValue.optional().describe(
        `Matches per page: ${DEFAULT_PAGE_SIZE} unless given, at most ${MAX_PAGE_SIZE}; 0 answers the total only.`,
      ),
      _offset: SearchValue.optional().describe('Where the page starts; the next and previous links carry it.'),
      _summary: SearchValue.optional().describe('count: the total only, as _count=0.'),
    })
    .catchall(SearchValue)
    .refine(
      (q) => Object.keys(q).length <= MAX_PARAMETERS && Object.keys(q).every((k) => k.length <= MAX_NAME_LENGTH),
      {
        message: `at most ${MAX_PARAMETERS} parameters, names of at most ${MAX_NAME_LENGTH} characters`,
      },
    );
}

const PreferHeader = z.looseObject({
  prefer: z
    .string()
    .max(MAX_VALUE_LENGTH)
    .optional()
    .describe(
      'handling=strict answers 400 for a parameter this server does not support; handling=lenient (the default) ignores it and says so in an OperationOutcome entry.',
    ),
});

/** The query string's parameters and the form body's, together. */
function paramsOf(req: FastifyRequest): RawSearchParams {
  const merged = new Map<string, string[]>();
  for (const part of [req.query, req.body] as (RawSearchParams | undefined)[]) {
    for (const [name, value] of Object.entries(part ?? {})) {
      merged.set(name, [...(merged.get(name) ?? []), ...[value ?? []].flat()]);
    }
  }
  return Object.fromEntries(merged);
}

function auditTarget(req: FastifyRequest): AuditTarget {
  const subject = req.fhirSearchSubject;
  if (!subject) return { entity: 'patient', entityId: null };
  return { entity: subject.entity, entityId: subject.id, ...(subject.found ? {} : { outcome: 'not_found' as const }) };
}

/** A POST search's parameters come as a form; a body of any other kind is refused rather than guessed at. */
async function formOnly(req: FastifyRequest) {
  if (req.body !== undefined && !isFormBody(req)) {
    throw new HttpProblem(415, 'Unsupported Media Type', `Send the search parameters as ${FORM}.`);
  }
}

const searches: { type: SearchableType; summary: string }[] = [
  { type: 'Patient', summary: 'Search your patients' },
  { type: 'Condition', summary: 'Search the confirmed diagnoses of your patients' },
  { type: 'Observation', summary: 'Search the findings (symptoms present or absent) of your patients' },
];

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const { type, summary } of searches) {
    const params = searchParamsSchema(type);
    const config = {
      access: clinic,
      audit: { action: `fhir.${type.toLowerCase()}.search`, entity: 'patient', target: auditTarget },
    };
    const response = { 200: Bundle, ...errors };
    const search = async (req: FastifyRequest) => {
      const result = await searchRecords(app.db, callerUser(req).id, type, {
        params: paramsOf(req),
        base: fhirBase(req),
        // A string or absent: PreferHeader has validated it.
        handling: handlingOf((req.headers as { prefer?: string }).prefer),
      });
      if (result.subject) req.fhirSearchSubject = result.subject;
      return result.bundle;
    };

    app.get(
      `/${type}`,
      { config, schema: { tags, summary, querystring: params, headers: PreferHeader, response } },
      search,
    );
    app.post(
      `/${type}/_search`,
      {
        config,
        preValidation: formOnly,
        schema: {
          tags,
          summary: `${summary} (the parameters as a form body)`,
          description:
            'The parameters of the GET search as an application/x-www-form-urlencoded body, which may be empty; any in the query string count too. The links of the answer are GET searches.',
          consumes: [FORM],
          querystring: params,
          // A POST without a body searches with the query string's parameters alone (Fastify validates it as null).
          body: params.nullish(),
          headers: PreferHeader,
          response,
        },
      },
      search,
    );
  }
};
