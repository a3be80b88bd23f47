// Who is signed in: one query of /auth/me shared by the whole app, with sign-in and sign-out.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, MeResponse } from '@unani/contracts';
import { ApiError, get, post, setCsrfToken } from '../api/client.ts';
import { claimUnsavedEdits, forgetUnsavedEdits } from '../visit/unsavedEdits.ts';

type Me = MeResponse;

export function useSession() {
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await get<Me>('/api/v1/auth/me');
        setCsrfToken(me.csrfToken);
        claimUnsavedEdits(me.user.id);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
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
