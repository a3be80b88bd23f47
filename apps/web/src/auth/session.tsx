// Who is signed in: one query of /auth/session shared by the whole app, with sign-in and sign-out.

import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeResponse } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { api, setCsrfToken } from '../api/client.ts';
import { claimUnsavedEdits, forgetUnsavedEdits } from '../visit/editsOnDevice.ts';

type Me = MeResponse;

export function useSession() {
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      // /auth/session answers 200 when signed out, so the sign-in page logs no failed request.
      const session = await api(routes.session);
      if (!session.signedIn || !session.user) return null;
      setCsrfToken(session.csrfToken);
      claimUnsavedEdits(session.user.id);
      return {
        user: session.user,
        csrfToken: session.csrfToken,
        mustEnrolTotp: session.mustEnrolTotp,
        mustChangePassword: session.mustChangePassword,
      };
    },
    staleTime: 60_000,
    retry: false,
  });
  return {
    user: query.data?.user,
    /** An admin without a second factor: only the account page is open until one is set up. */
    mustEnrolTotp: query.data?.mustEnrolTotp === true,
    /** The first admin's generated password: only the account page is open until it is changed. */
    mustChangePassword: query.data?.mustChangePassword === true,
    loading: query.isPending,
    error: query.error,
  };
}

/**
 * A step that held the session to the account page is done (the second factor set up, the generated password
 * changed). Said at once, not only when the server next answers who is signed in, so a click on another page right
 * after is not sent back to the account page.
 */
export function accountStepDone(client: QueryClient, step: 'mustEnrolTotp' | 'mustChangePassword'): void {
  client.setQueryData<Me | null>(['me'], (me) => (me ? { ...me, [step]: false } : me));
  void client.invalidateQueries({ queryKey: ['me'] });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => api(routes.login, { body: credentials }),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      claimUnsavedEdits(res.user.id);
      // Everything is asked afresh, who is signed in too: an admin may have to set up a second factor first.
      client.clear();
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api(routes.logout),
    onSettled: () => {
      setCsrfToken(undefined);
      // Patient data stays on a shared device no longer than the session that typed it.
      forgetUnsavedEdits();
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}
