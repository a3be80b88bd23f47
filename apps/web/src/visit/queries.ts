// The server state of a visit: the visit, its patient, its plan, its shared notes, and a disease's protocol.
import { useQuery } from '@tanstack/react-query';
import type { NoteSummary } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { ApiError, api } from '../api/client.ts';

export type NoteSummaryView = NoteSummary;

export const visitKey = (id: string) => ['visit', id] as const;
export const planKey = (id: string) => ['plan', id] as const;
export const notesKey = (id: string) => ['notes', id] as const;
/** Under the visit's key, so whatever refreshes the visit refreshes its triage too. */
export const safetyKey = (id: string) => ['visit', id, 'safety'] as const;

export function useVisit(id: string) {
  return useQuery({ queryKey: visitKey(id), queryFn: () => api(routes.getVisit, { params: { id } }) });
}

/** The visit's triage and red flags as saved now: refreshed after each save, before any "Analyse". */
export function useVisitSafety(id: string) {
  return useQuery({ queryKey: safetyKey(id), queryFn: () => api(routes.getVisitSafety, { params: { id } }) });
}

export function usePatient(id: string | undefined) {
  return useQuery({
    queryKey: ['patient', id],
    queryFn: () => api(routes.getPatient, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** The saved plan, or null while the visit has none (the API answers 404). */
export function usePlan(visitId: string, enabled = true) {
  return useQuery({
    queryKey: planKey(visitId),
    queryFn: async () => {
      try {
        return await api(routes.getPlan, { params: { id: visitId } });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

/** The visit's latest analysis as it was given, or null when it was never analysed (404). */
export function useLatestAnalysis(visitId: string, enabled = true) {
  return useQuery({
    queryKey: ['analysis', visitId],
    queryFn: async () => {
      try {
        return await api(routes.getAnalysis, { params: { id: visitId } });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useNotes(visitId: string) {
  return useQuery({
    queryKey: notesKey(visitId),
    queryFn: () => api(routes.listNotes, { params: { id: visitId } }),
  });
}

export function useDisease(code: string, enabled = true) {
  return useQuery({
    queryKey: ['disease', code],
    queryFn: () => api(routes.getDisease, { params: { code } }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
