// A medicine's dose in parts: amount, unit, how often, route and duration, each its own box, so the note can be
// written in the patient's language and the checks read exactly what was meant.
import { durationUnits, prescriptionFrequencies, prescriptionRoutes, prescriptionUnits } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';
import { type DraftDose, type DraftItem, prescriptionOf } from './planDraft.ts';

interface Props {
  item: DraftItem;
  /** The item's name, for the boxes' accessible labels. */
  name: string;
  onChange: (item: DraftItem) => void;
}

type Field = keyof DraftDose;

export function DoseFields({ item, name, onChange }: Props) {
  const { t } = useTranslation();
  const { problem } = prescriptionOf(item);
  const problemId = `${item.key}-dose-problem`;
  const idOf = (field: Field) => `${item.key}-${field}`;
  const set = (field: Field) => (e: { target: { value: string } }) => onChange({ ...item, [field]: e.target.value });
  const invalid = (field: 'amount' | 'unit' | 'duration') =>
    problem === field ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
  /** A closed list; `blank` adds a "Choose…" entry for a part that may be left unset. */
  const choices = <V extends string>(
    field: Field,
    label: string,
    values: readonly V[],
    wordOf: (value: V) => string,
    blank = true,
  ) => (
    <select
      id={idOf(field)}
      aria-label={label}
      value={item[field]}
      onChange={set(field)}
      {...(field === 'unit' ? invalid('unit') : field === 'durationUnit' ? invalid('duration') : {})}
    >
      {blank && <option value="">{t('planItem.choose')}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {wordOf(v)}
        </option>
      ))}
    </select>
  );
  const number = (field: 'amount' | 'duration', label: string) => (
    <input
      aria-label={label}
      inputMode="decimal"
      size={6}
      value={item[field]}
      onChange={set(field)}
      {...invalid(field)}
    />
  );
  return (
    <fieldset className="dose-fields">
      <legend>{t('planItem.dose')}</legend>
      <label className="plan-field" htmlFor={idOf('amount')}>
        {t('planItem.amount')}
        {number('amount', t('planItem.amountOf', { name }))}
      </label>
      {choices('unit', t('planItem.unitOf', { name }), prescriptionUnits, (u) => t(`planItem.units.${u}`))}
      <label className="plan-field" htmlFor={idOf('frequency')}>
        {t('planItem.howOften')}
        {choices('frequency', t('planItem.howOftenOf', { name }), prescriptionFrequencies, (f) =>
          t(`planItem.frequencies.${f}`),
        )}
      </label>
      <label className="plan-field" htmlFor={idOf('route')}>
        {t('planItem.route')}
        {choices('route', t('planItem.routeOf', { name }), prescriptionRoutes, (r) => t(`planItem.routes.${r}`), false)}
      </label>
      <label className="plan-field" htmlFor={idOf('duration')}>
        {t('planItem.duration')}
        {number('duration', t('planItem.durationOf', { name }))}
      </label>
      {choices('durationUnit', t('planItem.durationUnitOf', { name }), durationUnits, (u) =>
        t(`planItem.durationUnits.${u}`),
      )}
      {problem && (
        <p id={problemId} className="field-error" role="status">
          {t(`planItem.problem.${problem}`)}
        </p>
      )}
    </fieldset>
  );
}
