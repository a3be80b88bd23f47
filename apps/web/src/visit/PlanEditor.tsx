// The plan being edited, grouped as Dawa, Ghiza, Tadbeer and advice, checked with the API's schema before saving
// and by the prescribing checks while it is edited.
import { type TreatmentKind, treatmentKinds } from '@unani/contracts';
import { useEffect, useMemo, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { AddTreatment } from './AddTreatment.tsx';
import { PlanItemRow } from './PlanItemRow.tsx';
import { type DraftItem, newKey, type PlanEdits } from './planDraft.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { readUnsavedEdits } from './unsavedEdits.ts';
import { usePlanAutosave } from './usePlanAutosave.ts';
import { usePlanCheck } from './usePlanCheck.ts';

interface Props {
  visitId: string;
  initial: PlanEdits;
  /** `initial` is the plan the server holds, rather than a protocol to start from. */
  initialSaved: boolean;
  closed: boolean;
  onUnsavedChange: (unsaved: boolean) => void;
}

export function PlanEditor({ visitId, initial, initialSaved, closed, onUnsavedChange }: Props) {
  const { t } = useTranslation();
  // Edits this device kept because they could not be saved come back first (with fresh keys for this page).
  const [start] = useState(() => {
    const kept = readUnsavedEdits(visitId, 'plan');
    return kept
      ? { edits: { ...kept, items: kept.items.map((i) => ({ ...i, key: newKey() })) }, restored: true }
      : { edits: initial, restored: false };
  });
  const [items, setItems] = useState(start.edits.items);
  const [advice, setAdvice] = useState(start.edits.advice);
  const [followUp, setFollowUp] = useState(start.edits.followUp);
  const [problem, setProblem] = useState<string>();
  const [clicked, setClicked] = useState<{ edits?: PlanEdits; error?: unknown }>({});

  const edits = useMemo(() => ({ items, advice, followUp }), [items, advice, followUp]);
  // An untouched protocol is not saved by itself: the practitioner accepts it with "Save plan" or by editing it.
  const autosave = usePlanAutosave(visitId, edits, { saved: start.restored ? undefined : start.edits, closed });
  useEffect(() => {
    onUnsavedChange(autosave.unsaved);
    return () => onUnsavedChange(false);
  }, [autosave.unsaved, onUnsavedChange]);

  // "Saved" would be untrue of a protocol shown as it came: the server does not hold it (or holds another plan).
  const untouchedProtocol = !initialSaved && !start.restored && JSON.stringify(edits) === JSON.stringify(start.edits);

  const byKind = (kind: TreatmentKind) => items.filter((i) => i.kind === kind);
  const warnings = usePlanCheck(visitId, treatmentKinds.flatMap(byKind));
  const replace = (key: string, next: DraftItem) => setItems(items.map((i) => (i.key === key ? next : i)));

  const save = () => {
    const request = autosave.check(edits);
    if (typeof request === 'string') return setProblem(request);
    setProblem(undefined);
    autosave.saveNow(edits).then(
      () => setClicked({ edits }),
      (error: unknown) => setClicked({ error }),
    );
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
      <ErrorMessage error={clicked.error} />
      <div className="row">
        <button type="button" className="primary" onClick={save}>
          {t('plan.save')}
        </button>
        {!(untouchedProtocol && autosave.status === 'saved') && (
          <SaveStatus status={autosave.status} error={autosave.error} />
        )}
      </div>
      {clicked.edits === edits && autosave.status === 'saved' && <p role="status">{t('plan.planSaved')}</p>}
    </div>
  );
}
