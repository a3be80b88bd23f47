// The server state of a visit: the visit, its patient, its plan, its shared notes, and a disease's protocol.
import { useQuery } from '@tanstack/react-query';
import type { Analysis, DiseaseDetail, EncounterView, NoteSummary, PatientView, PlanView } from '@unani/contracts';

export type NoteSummaryView = NoteSummary;

import { ApiError, get } from '../api/client.ts';

export const visitKey = (id: string) => ['visit', id] as const;
export const planKey = (id: string) => ['plan', id] as const;
export const notesKey = (id: string) => ['notes', id] as const;

export function useVisit(id: string) {
  return useQuery({ queryKey: visitKey(id), queryFn: () => get<EncounterView>(`/api/v1/encounters/${id}`) });
}

export function usePatient(id: string | undefined) {
  return useQuery({
    queryKey: ['patient', id],
    queryFn: () => get<PatientView>(`/api/v1/patients/${id}`),
    enabled: Boolean(id),
  });
}

/** The saved plan, or null while the visit has none (the API answers 404). */
export function usePlan(visitId: string, enabled = true) {
  return useQuery({
    queryKey: planKey(visitId),
    queryFn: async () => {
      try {
        return await get<PlanView>(`/api/v1/encounters/${visitId}/plan`);
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
        return await get<Analysis>(`/api/v1/encounters/${visitId}/analysis`);
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
    queryFn: () => get<{ items: NoteSummaryView[] }>(`/api/v1/encounters/${visitId}/notes`),
  });
}

export function useDisease(code: string, enabled = true) {
  return useQuery({
    queryKey: ['disease', code],
    queryFn: () => get<DiseaseDetail>(`/api/v1/diseases/${encodeURIComponent(code)}`),
    enabled,
    staleTime: 5 * 60_000,
  });
}
