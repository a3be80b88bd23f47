// The one way the web app talks to the API: a route of the route table (packages/contracts) with its typed
// params, query and body; JSON in and out, the session cookie, the CSRF token on changes, and problem documents
// turned into errors a page can show.
import type { JsonRoute, RequestOf, ResponseOf } from '@unani/contracts';
import { urlOf } from '@unani/contracts/routes';

type Query = Record<string, string | number | boolean | undefined>;

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** The problem document's `type` (RFC 9457), where the server names the kind of problem. */
    readonly type = 'about:blank',
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one form field (`body.name` → "name"), if the server named it. */
  forField(name: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === `body.${name}` || e.field.startsWith(`body.${name}.`))?.message;
  }
}

let csrfToken: string | undefined;
/** Set after sign-in (and from /auth/session); sent with every state-changing request. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { type?: string; title?: string; detail?: string; errors?: FieldError[] };
    const message = body.detail ?? body.title ?? `Request failed (${res.status})`;
    return new ApiError(res.status, message, body.errors ?? [], body.type);
  } catch {
    return new ApiError(
      res.status,
      res.status >= 500 ? 'The server had a problem; please try again.' : `Request failed (${res.status})`,
    );
  }
}

/** The request may be left out when the route needs none of params, query and body. */
type RequestArgs<E extends JsonRoute> =
  Record<never, never> extends RequestOf<E> ? [request?: RequestOf<E>] : [request: RequestOf<E>];

/**
 * Calls a route of the route table: fills its path parameters (encoded), appends its query, sends its body, and
 * answers its success response. The server checked that answer against the same table's schema before sending it
 * (fastify-type-provider-zod), so it is not parsed a second time here, where zod would weigh on every first load.
 */
export async function api<E extends JsonRoute>(route: E, ...[request]: RequestArgs<E>): Promise<ResponseOf<E>> {
  const { params, query, body } = (request ?? {}) as { params?: Record<string, string>; query?: Query; body?: unknown };
  const { method } = route;
  const sendsBody = method === 'POST' || method === 'PATCH';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (sendsBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(urlOf(route, { params, query }), {
      method,
      headers,
      credentials: 'same-origin',
      body: sendsBody ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  if (!res.ok) throw await toError(res);
  // A 204's schema is null: there is no body to read.
  return (res.status === 204 ? null : await res.json()) as ResponseOf<E>;
}
