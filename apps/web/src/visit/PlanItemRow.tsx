// One item of the plan: a formulary entry with dose, duration and instructions, or a free text.
import { type DraftItem, itemName } from './planDraft.ts';

interface Props {
  item: DraftItem;
  onChange: (item: DraftItem) => void;
  onRemove: () => void;
}

export function PlanItemRow({ item, onChange, onRemove }: Props) {
  const name = itemName(item);
  const coded = Boolean(item.formulationCode || item.singleDrugCode);
  const set = (field: 'text' | 'dose' | 'duration') => (e: { target: { value: string } }) =>
    onChange({ ...item, [field]: e.target.value });
  return (
    <li className="plan-item">
      {coded ? (
        <strong className="plan-name">{item.name}</strong>
      ) : (
        <input className="plan-name" aria-label={`Text of ${name}`} value={item.text} onChange={set('text')} />
      )}
      {item.kind === 'dawa' && (
        <>
          <label className="plan-field">
            Dose
            <input aria-label={`Dose of ${name}`} value={item.dose} onChange={set('dose')} />
          </label>
          <label className="plan-field">
            Duration
            <input aria-label={`Duration of ${name}`} value={item.duration} onChange={set('duration')} />
          </label>
          {coded && (
            <label className="plan-field">
              How to take
              <input
                aria-label={`Instructions for ${name}`}
                placeholder="Optional"
                value={item.text}
                onChange={set('text')}
              />
            </label>
          )}
        </>
      )}
      {item.kind === 'ghiza' && (
        <label className="inline">
          <input
            type="checkbox"
            checked={item.avoid}
            onChange={(e) => onChange({ ...item, avoid: e.target.checked })}
          />
          Avoid
        </label>
      )}
      <button type="button" className="small danger" aria-label={`Remove from plan: ${name}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
