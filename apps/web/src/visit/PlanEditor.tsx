// The plan being edited, grouped as Dawa, Ghiza, Tadbeer and advice, checked with the API's schema before saving
// and by the prescribing checks while it is edited.
import { PlanRequest, type TreatmentKind, treatmentKinds } from '@unani/contracts';
import { useState } from 'react';
import { useTranslation } from '../i18n/i18n.ts';
import { AddTreatment } from './AddTreatment.tsx';
import { PlanItemRow } from './PlanItemRow.tsx';
import { type DraftItem, itemName, toPlanRequest } from './planDraft.ts';
import { usePlanCheck } from './usePlanCheck.ts';

interface Props {
  visitId: string;
  initial: { items: DraftItem[]; advice: string; followUp: string };
  onSave: (plan: PlanRequest) => void;
  saving: boolean;
}

export function PlanEditor({ visitId, initial, onSave, saving }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState(initial.items);
  const [advice, setAdvice] = useState(initial.advice);
  const [followUp, setFollowUp] = useState(initial.followUp);
  const [problem, setProblem] = useState<string>();

  const byKind = (kind: TreatmentKind) => items.filter((i) => i.kind === kind);
  const warnings = usePlanCheck(visitId, treatmentKinds.flatMap(byKind));
  const replace = (key: string, next: DraftItem) => setItems(items.map((i) => (i.key === key ? next : i)));

  const save = () => {
    if (items.length === 0) return setProblem(t('plan.emptyPlan'));
    const ordered = treatmentKinds.flatMap(byKind);
    const parsed = PlanRequest.safeParse(toPlanRequest(ordered, advice, followUp));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const index = typeof issue?.path[1] === 'number' ? issue.path[1] : undefined;
      const item = index === undefined ? undefined : ordered[index];
      return setProblem(
        item
          ? t('plan.itemProblem', {
              name: itemName(item, t('plan.newItem')),
              message: item.text.trim() ? (issue?.message ?? t('plan.checkItem')) : t('plan.writeText'),
            })
          : t('plan.checkPlan', { message: issue?.message ?? t('plan.notValid') }),
      );
    }
    setProblem(undefined);
    onSave(parsed.data);
  };

  return (
    <div>
      {treatmentKinds.map((kind) => {
        const group = byKind(kind);
        if (group.length === 0) return null;
        return (
          <div key={kind}>
            <h3>{t(`plan.kinds.${kind}`)}</h3>
            <ul className="plan-items" aria-label={t(`plan.kinds.${kind}`)}>
              {group.map((item) => (
                <PlanItemRow
                  key={item.key}
                  item={item}
                  warnings={warnings.get(item.key) ?? []}
                  onChange={(next) => replace(item.key, next)}
                  onRemove={() => setItems(items.filter((i) => i.key !== item.key))}
                />
              ))}
            </ul>
          </div>
        );
      })}
      {items.length === 0 && <p className="muted">{t('plan.empty')}</p>}
      <AddTreatment onAdd={(item) => setItems([...items, item])} />
      <div className="grid-2">
        <label>
          {t('plan.advice')}
          <textarea className="short" dir="auto" value={advice} onChange={(e) => setAdvice(e.target.value)} />
        </label>
        <label>
          {t('plan.followUp')}
          <input
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
            placeholder={t('plan.followUpPlaceholder')}
          />
        </label>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={save} disabled={saving}>
          {saving ? t('common.saving') : t('plan.save')}
        </button>
      </div>
    </div>
  );
}
