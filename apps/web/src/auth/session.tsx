// Who is signed in: one query of /auth/session shared by the whole app, with sign-in and sign-out.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, MeResponse, SessionResponse } from '@unani/contracts';
import { get, post, setCsrfToken } from '../api/client.ts';
import { claimUnsavedEdits, forgetUnsavedEdits } from '../visit/editsOnDevice.ts';

type Me = MeResponse;

export function useSession() {
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      // /auth/session answers 200 when signed out, so the sign-in page logs no failed request.
      const session = await get<SessionResponse>('/api/v1/auth/session');
      if (!session.signedIn || !session.user) return null;
      setCsrfToken(session.csrfToken);
      claimUnsavedEdits(session.user.id);
      return { user: session.user, csrfToken: session.csrfToken };
    },
    staleTime: 60_000,
    retry: false,
  });
  return { user: query.data?.user, loading: query.isPending, error: query.error };
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      post<LoginResponse>('/api/v1/auth/login', credentials),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      claimUnsavedEdits(res.user.id);
      client.clear();
      client.setQueryData(['me'], { user: res.user, csrfToken: res.csrfToken });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      setCsrfToken(undefined);
      // Patient data stays on a shared device no longer than the session that typed it.
      forgetUnsavedEdits();
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}
