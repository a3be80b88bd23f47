// The history fields of a patient: allergies, known conditions (those the prescribing checks know by name),
// other conditions, current medicines and, for women, pregnancy or breastfeeding with the weeks.
import { knownConditionCodes, type PatientView, PregnancyStatus } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';
import type { HistoryForm } from './historyForm.ts';

export function PatientHistoryFields({
  value,
  onChange,
  sex,
}: {
  value: HistoryForm;
  onChange: (next: HistoryForm) => void;
  sex: PatientView['sex'] | '';
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof HistoryForm>(key: K) =>
    (next: HistoryForm[K]) =>
      onChange({ ...value, [key]: next });
  const toggle = (code: (typeof knownConditionCodes)[number], on: boolean) =>
    set('conditions')(on ? [...value.conditions, code] : value.conditions.filter((c) => c !== code));
  return (
    <fieldset className="history">
      <legend>{t('history.title')}</legend>
      <label>
        {t('history.allergies')}
        <textarea rows={2} value={value.allergies} onChange={(e) => set('allergies')(e.target.value)} />
      </label>
      <fieldset className="plain">
        <legend>{t('history.conditions')}</legend>
        <div className="checks">
          {knownConditionCodes.map((code) => (
            <label key={code} className="check">
              <input
                type="checkbox"
                checked={value.conditions.includes(code)}
                onChange={(e) => toggle(code, e.target.checked)}
              />
              {t(`history.condition.${code}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t('history.otherConditions')}
        <textarea rows={2} value={value.otherConditions} onChange={(e) => set('otherConditions')(e.target.value)} />
      </label>
      <label>
        {t('history.medicines')}
        <textarea rows={2} value={value.medicines} onChange={(e) => set('medicines')(e.target.value)} />
      </label>
      {sex !== 'male' && (
        <div className="row">
          <label>
            {t('history.pregnancy')}
            <select
              value={value.pregnancy}
              onChange={(e) => {
                const status = PregnancyStatus.safeParse(e.target.value);
                onChange({
                  ...value,
                  pregnancy: status.success ? status.data : '',
                  pregnancyWeeks: status.data === 'pregnant' ? value.pregnancyWeeks : '',
                });
              }}
            >
              <option value="">{t('history.pregnancyStatus.none')}</option>
              {PregnancyStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`history.pregnancyStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {value.pregnancy === 'pregnant' && (
            <label>
              {t('history.weeks')}
              <input
                type="number"
                min={1}
                max={42}
                inputMode="numeric"
                value={value.pregnancyWeeks}
                onChange={(e) => set('pregnancyWeeks')(e.target.value)}
              />
            </label>
          )}
        </div>
      )}
    </fieldset>
  );
}
