// The treatment plan saved as it is edited: checked with the API's schema first (a plan the API would refuse says
// why instead of being sent), then saved like the practitioner's "Save plan".
import { useQueryClient } from '@tanstack/react-query';
import { PlanRequest, treatmentKinds } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';
import { useTranslation } from '../i18n/i18n.ts';
import { itemName, type PlanEdits, toPlanRequest } from './planDraft.ts';
import { planKey, visitKey } from './queries.ts';
import { keepUnsavedEdits } from './unsavedEdits.ts';
import { useAutosave } from './useAutosave.ts';

interface Options {
  /** The plan as the server holds it when the editor opens, or undefined when it holds none of these edits. */
  saved: PlanEdits | undefined;
  closed: boolean;
}

export function usePlanAutosave(visitId: string, edits: PlanEdits, { saved, closed }: Options) {
  const { t } = useTranslation();
  const client = useQueryClient();

  /** The request for these edits, grouped as the plan is shown, or what to fix first, in the practitioner's words. */
  const check = ({ items, advice, followUp }: PlanEdits): PlanRequest | string => {
    if (items.length === 0) return t('plan.emptyPlan');
    const ordered = treatmentKinds.flatMap((kind) => items.filter((i) => i.kind === kind));
    const parsed = PlanRequest.safeParse(toPlanRequest(ordered, advice, followUp));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const index = typeof issue?.path[1] === 'number' ? issue.path[1] : undefined;
    const item = index === undefined ? undefined : ordered[index];
    return item
      ? t('plan.itemProblem', {
          name: itemName(item, t('plan.newItem')),
          message: item.text.trim() ? (issue?.message ?? t('plan.checkItem')) : t('plan.writeText'),
        })
      : t('plan.checkPlan', { message: issue?.message ?? t('plan.notValid') });
  };

  const autosave = useAutosave({
    edits,
    saved,
    closed,
    scope: `plan-${visitId}`,
    send: async (next: PlanEdits) => {
      const request = check(next);
      if (typeof request === 'string') throw new Error(request);
      const answer = await api(routes.savePlan, { params: { id: visitId }, body: request });
      client.setQueryData(planKey(visitId), answer);
      // The first plan moves the visit to "planned".
      void client.invalidateQueries({ queryKey: visitKey(visitId) });
    },
    keep: (next) => keepUnsavedEdits(visitId, 'plan', next),
  });
  return { ...autosave, check };
}
