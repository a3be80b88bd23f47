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
  const save = useMutation({ mutationFn: saveVisit });
  const analyse = useMutation({
    mutationFn: async (body: EncounterUpdate) => {
      await saveVisit(body);
      return post<Analysis>(`/api/v1/encounters/${id}/analyse`);
    },
  });
  const confirm = useMutation({
    mutationFn: (diseaseCode: string) =>
      post<ReturnType<typeof DiagnosisView.parse>>(`/api/v1/encounters/${id}/diagnosis`, { diseaseCode }),
    onSuccess: () => client.invalidateQueries({ queryKey: visitKey(id) }),
  });
  return { save, analyse, confirm };
}
