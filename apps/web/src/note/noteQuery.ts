// How the patient's note is fetched: used by the page and by its route, which starts the request while the
// page's code is still downloading.
import type { SharedNote } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';

/** Starts fetching the Nastaliq font as soon as an Urdu note arrives, before the note is laid out. */
export function preloadFontFor(note: SharedNote): void {
  if (note.language !== 'ur' || typeof document === 'undefined' || !document.fonts) return;
  void document.fonts.load('1em "Noto Nastaliq Urdu"', 'اردو').catch(() => undefined);
}

export function noteQuery(token: string) {
  return {
    queryKey: ['note', token],
    queryFn: () => api(routes.getSharedNote, { params: { token } }),
    retry: false,
    // The route's loader fetched it a moment ago: the page shows that answer instead of asking again.
    staleTime: 60_000,
    // A link that failed while the page loaded (unknown, revoked, expired) is not asked for a second time.
    retryOnMount: false,
  } as const;
}
