// How the patient's note is fetched: used by the page and by its route, which starts the request while the
// page's code is still downloading.
import type { SharedNote } from '@unani/contracts';
import { get } from '../api/client.ts';

export function noteQuery(token: string) {
  return {
    queryKey: ['note', token],
    queryFn: () => get<SharedNote>(`/api/v1/shared-notes/${encodeURIComponent(token)}`),
    retry: false,
    // A link that failed while the page loaded (unknown, revoked, expired) is not asked for a second time.
    retryOnMount: false,
  } as const;
}
