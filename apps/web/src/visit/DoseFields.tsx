// A medicine's dose in parts: amount, unit, how often, route and duration, each its own box, so the note can be
// written in the patient's language and the checks read exactly what was meant.
import { durationUnits, prescriptionFrequencies, prescriptionRoutes, prescriptionUnits } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';
import { type DraftItem, prescriptionOf } from './planDraft.ts';

interface Props {
  item: DraftItem;
  /** The item's name, for the boxes' accessible labels. */
  name: string;
  onChange: (item: DraftItem) => void;
}

export function DoseFields({ item, name, onChange }: Props) {
  const { t } = useTranslation();
  const { problem } = prescriptionOf(item);
  const problemId = `${item.key}-dose-problem`;
  const set =
    <K extends 'amount' | 'unit' | 'frequency' | 'route' | 'duration' | 'durationUnit'>(field: K) =>
    (e: { target: { value: string } }) =>
      onChange({ ...item, [field]: e.target.value });
  const invalid = (field: 'amount' | 'unit' | 'duration') =>
    problem === field ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
  return (
    <fieldset className="dose-fields">
      <legend>{t('planItem.dose')}</legend>
      <label className="plan-field">
        {t('planItem.amount')}
        <input
          aria-label={t('planItem.amountOf', { name })}
          inputMode="decimal"
          size={6}
          value={item.amount}
          onChange={set('amount')}
          {...invalid('amount')}
        />
      </label>
      <select aria-label={t('planItem.unitOf', { name })} value={item.unit} onChange={set('unit')} {...invalid('unit')}>
        <option value="">{t('planItem.choose')}</option>
        {prescriptionUnits.map((u) => (
          <option key={u} value={u}>
            {t(`planItem.units.${u}`)}
          </option>
        ))}
      </select>
      <label className="plan-field">
        {t('planItem.howOften')}
        <select aria-label={t('planItem.howOftenOf', { name })} value={item.frequency} onChange={set('frequency')}>
          <option value="">{t('planItem.choose')}</option>
          {prescriptionFrequencies.map((f) => (
            <option key={f} value={f}>
              {t(`planItem.frequencies.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="plan-field">
        {t('planItem.route')}
        <select aria-label={t('planItem.routeOf', { name })} value={item.route} onChange={set('route')}>
          {prescriptionRoutes.map((r) => (
            <option key={r} value={r}>
              {t(`planItem.routes.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="plan-field">
        {t('planItem.duration')}
        <input
          aria-label={t('planItem.durationOf', { name })}
          inputMode="decimal"
          size={6}
          value={item.duration}
          onChange={set('duration')}
          {...invalid('duration')}
        />
      </label>
      <select
        aria-label={t('planItem.durationUnitOf', { name })}
        value={item.durationUnit}
        onChange={set('durationUnit')}
        {...invalid('duration')}
      >
        <option value="">{t('planItem.choose')}</option>
        {durationUnits.map((u) => (
          <option key={u} value={u}>
            {t(`planItem.durationUnits.${u}`)}
          </option>
        ))}
      </select>
      {problem && (
        <p id={problemId} className="field-error" role="status">
          {t(`planItem.problem.${problem}`)}
        </p>
      )}
    </fieldset>
  );
}
