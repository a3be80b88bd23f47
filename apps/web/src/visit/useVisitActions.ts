// Saving and analysing the visit, and confirming its diagnosis.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Analysis, DiagnosisView, EncounterUpdate, EncounterView } from '@unani/contracts';
import { patch, post } from '../api/client.ts';
import { visitKey } from './queries.ts';

export function useVisitActions(id: string) {
  const client = useQueryClient();
  const saveVisit = async (body: EncounterUpdate) => {
    const saved = await patch<EncounterView>(`/api/v1/encounters/${id}`, body);
    client.setQueryData(visitKey(id), saved);
    return saved;
  };
  // Each takes the visit's changes as a promise: the complaint may still need parsing, and a failure there
  // shows like any failed save.
  const save = useMutation({
    mutationFn: async (changes: () => Promise<EncounterUpdate>) => saveVisit(await changes()),
  });
  const analyse = useMutation({
    mutationFn: async (changes: () => Promise<EncounterUpdate>) => {
      await saveVisit(await changes());
      return post<Analysis>(`/api/v1/encounters/${id}/analyse`);
    },
  });
  const confirm = useMutation({
    mutationFn: (diseaseCode: string) => post<DiagnosisView>(`/api/v1/encounters/${id}/diagnosis`, { diseaseCode }),
    onSuccess: () => client.invalidateQueries({ queryKey: visitKey(id) }),
  });
  return { save, analyse, confirm };
}
