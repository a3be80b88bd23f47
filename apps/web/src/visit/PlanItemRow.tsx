// One item of the plan: a formulary entry with dose, duration and instructions, or a free text, with its safety
// warnings beside it.
import type { PrescribingWarning } from '@unani/contracts';
import { UrduWithLatin } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { DoseFields } from './DoseFields.tsx';
import { type DraftItem, itemName } from './planDraft.ts';

interface Props {
  item: DraftItem;
  /** Prescribing checks for this item, shown beside it. */
  warnings: PrescribingWarning[];
  onChange: (item: DraftItem) => void;
  onRemove: () => void;
}

export function PlanItemRow({ item, warnings, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const urdu = i18n.language === 'ur';
  const name = itemName(item, t('plan.newItem'));
  const coded = Boolean(item.formulationCode || item.singleDrugCode);
  const set = (field: 'text') => (e: { target: { value: string } }) => onChange({ ...item, [field]: e.target.value });
  return (
    <li className="plan-item">
      {coded ? (
        <strong className="plan-name" lang="en" dir="ltr">
          {item.name}
        </strong>
      ) : (
        <input
          className="plan-name"
          aria-label={t('planItem.textOf', { name })}
          value={item.text}
          onChange={set('text')}
        />
      )}
      {item.kind === 'dawa' && <DoseFields item={item} name={name} onChange={onChange} />}
      {item.kind === 'dawa' && coded && (
        <label className="plan-field">
          {t('planItem.howToTake')}
          <input
            aria-label={t('planItem.instructionsFor', { name })}
            placeholder={t('common.optional')}
            value={item.text}
            onChange={set('text')}
          />
        </label>
      )}
      {item.review && (
        <span className="review-mark" title={t('planItem.underReviewHint')}>
          {t('planItem.underReview')}
        </span>
      )}
      {item.kind === 'ghiza' && (
        <label className="inline">
          <input
            type="checkbox"
            checked={item.avoid}
            onChange={(e) => onChange({ ...item, avoid: e.target.checked })}
          />
          {t('planItem.avoid')}
        </label>
      )}
      <button
        type="button"
        className="small danger"
        aria-label={t('planItem.removeLabel', { name })}
        onClick={onRemove}
      >
        {t('planItem.remove')}
      </button>
      {warnings.length > 0 && (
        <ul className="plan-warnings" aria-label={t('planWarnings.label', { name })}>
          {warnings.map((w) => (
            <li key={`${w.kind}-${w.message}`} className={w.level}>
              <strong>{t(`planWarnings.${w.level}`)}:</strong>{' '}
              {urdu && w.messageUrdu ? (
                <span lang="ur">
                  <UrduWithLatin text={w.messageUrdu} />
                </span>
              ) : (
                <span lang="en">{w.message}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
