// The device cookie that marks a browser which signed in to an account before (the session cookie's own name and
// attributes follow the public address: plugins/sessionCookie.ts).
const cookieOptions = {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: 'auto',
} as const;

export const DEVICE_COOKIE = 'cdss_device';
/** Sent only to sign-in; a year, so a clinic's own computers keep their own budget of attempts. */
export const deviceCookieOptions = { ...cookieOptions, path: '/api/v1/auth', sameSite: 'strict' } as const;
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
