// The prescribing checks of the plan being edited: one request once editing pauses, so the warnings stand beside
// each item before the plan is saved. The last answer stays shown while the practitioner types.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PlanRequest, type PrescribingWarning } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { type DraftItem, toPlanRequest } from './planDraft.ts';

const CHECK_DELAY_MS = 400;

interface Checked {
  keys: string[];
  request: PlanRequest;
}

/** Warnings by item key, from the last check; empty until the first answer. */
export function usePlanCheck(visitId: string, items: DraftItem[]): Map<string, PrescribingWarning[]> {
  const request = PlanRequest.safeParse(toPlanRequest(items, '', ''));
  const draft = request.success ? JSON.stringify({ keys: items.map((i) => i.key), request: request.data }) : '';
  const settled = useDebounced(draft, CHECK_DELAY_MS);
  const query = useQuery({
    queryKey: ['plan-check', visitId, settled],
    queryFn: async () => {
      const { keys, request: body } = JSON.parse(settled) as Checked;
      const answer = await api(routes.checkPlan, { params: { id: visitId }, body });
      return new Map(keys.map((key, i) => [key, answer.items[i]?.warnings ?? []]));
    },
    enabled: settled !== '',
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return query.data ?? new Map();
}
