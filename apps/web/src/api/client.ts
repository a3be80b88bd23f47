// The one way the web app talks to the API: JSON in and out, the session cookie, the CSRF token on
// changes, and problem documents turned into errors a page can show.
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

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = (path: string) => api<void>('DELETE', path);
