// The session cookie's name and attributes. Served over https (PUBLIC_URL), it is `__Host-` prefixed and
// `Secure`: browsers then refuse it over plain http, from a subdomain or with another path. In plain-http
// development and tests it keeps its plain name and is `Secure` only on requests that arrived over https.
import type { CookieSerializeOptions } from '@fastify/cookie';

export const PLAIN_SESSION_COOKIE = 'cdss_session';

export interface SessionCookie {
  name: string;
  options: CookieSerializeOptions;
}

export function sessionCookieFor(publicUrl: string | undefined, maxAgeMs: number): SessionCookie {
  const https = publicUrl?.startsWith('https:') ?? false;
  return {
    name: https ? `__Host-${PLAIN_SESSION_COOKIE}` : PLAIN_SESSION_COOKIE,
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: https ? true : 'auto', maxAge: maxAgeMs / 1000 },
  };
}
