// Whether a share link points at an address only this computer can open (the server's loopback address),
// which a patient's phone cannot reach: PUBLIC_URL is unset or wrong.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '0.0.0.0']);

export function isLoopbackLink(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return LOOPBACK_HOSTS.has(host) || host.startsWith('127.') || host.endsWith('.localhost');
  } catch {
    return false;
  }
}
