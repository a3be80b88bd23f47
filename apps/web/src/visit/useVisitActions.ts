// Saving the visit as it is edited, analysing it, and confirming its diagnosis.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EncounterView } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { safetyKey, visitKey } from './queries.ts';
import { keepUnsavedEdits } from './unsavedEdits.ts';
import { useAutosave } from './useAutosave.ts';
import type { VisitDraft } from './useVisitDraft.ts';
import { serverEdits, type VisitEdits } from './visitEdits.ts';

export function useVisitActions(visit: EncounterView, draft: VisitDraft) {
  const { id } = visit;
  const client = useQueryClient();
  const [saved] = useState(() => serverEdits(visit));
  const autosave = useAutosave({
    edits: draft.edits,
    saved,
    closed: visit.status === 'closed',
    scope: `visit-${id}`,
    send: async (edits: VisitEdits) => {
      const answer = await api(routes.updateVisit, { params: { id }, body: await draft.toUpdate(edits) });
      client.setQueryData(visitKey(id), answer);
      // The triage follows every saved finding and vital sign, not only "Analyse".
      void client.invalidateQueries({ queryKey: safetyKey(id) });
    },
    keep: (edits) => keepUnsavedEdits(id, 'visit', edits),
  });
  // The engine analyses what the server holds, so the edits (an answered question among them) are saved first.
  const analyse = useMutation({
    mutationFn: async (edits: VisitEdits) => {
      await autosave.saveNow(edits);
      return api(routes.analyseVisit, { params: { id } });
    },
    // The analysis computed the same triage from the same saved visit: show it at once.
    onSuccess: ({ triage, redFlags, advisory }) => client.setQueryData(safetyKey(id), { triage, redFlags, advisory }),
  });
  const confirm = useMutation({
    mutationFn: (diseaseCode: string) => api(routes.confirmDiagnosis, { params: { id }, body: { diseaseCode } }),
    onSuccess: () => client.invalidateQueries({ queryKey: visitKey(id) }),
  });
  // Closing saves what is typed first, so nothing is lost when the visit stops accepting changes.
  const close = useMutation({
    mutationFn: async () => {
      await autosave.saveNow(draft.edits);
      return api(routes.updateVisit, { params: { id }, body: { status: 'closed' } });
    },
    onSuccess: (answer) => client.setQueryData(visitKey(id), answer),
  });
  return { autosave, analyse, confirm, close };
}
