// How the patient's note is fetched: used by the page and by its route, which starts the request while the
// page's code is still downloading.
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';

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
