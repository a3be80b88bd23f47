// Vital signs measured at the visit. The engine reads them like those written in the complaint, and they win.
import { useTranslation } from '../i18n/i18n.ts';
import { invalidVitals, VITAL_FIELDS, type VitalField, type VitalsText } from './vitals.ts';

interface Props {
  vitals: VitalsText;
  onChange: (vitals: VitalsText) => void;
}

export function VitalsFields({ vitals, onChange }: Props) {
  const { t } = useTranslation();
  const invalid = invalidVitals(vitals);
  const set = (field: VitalField, text: string) => onChange({ ...vitals, [field]: text });
  return (
    <fieldset className="plain vitals">
      <legend>{t('vitals.title')}</legend>
      <div className="vitals-grid">
        {VITAL_FIELDS.map((field) => (
          <label key={field}>
            {t(`vitals.${field}`)}
            <span className="row">
              <input
                inputMode="decimal"
                dir="ltr"
                // The unit menu shares the label; the field's own name stays the label's words alone.
                aria-label={field === 'temperature' ? t('vitals.temperature') : undefined}
                value={vitals[field] ?? ''}
                aria-invalid={invalid.has(field) || undefined}
                aria-describedby={invalid.has(field) ? `vital-${field}-error` : undefined}
                onChange={(e) => set(field, e.target.value)}
              />
              {field === 'temperature' && (
                <select
                  aria-label={t('vitals.unit')}
                  value={vitals.temperatureUnit ?? 'F'}
                  onChange={(e) => onChange({ ...vitals, temperatureUnit: e.target.value as 'F' | 'C' })}
                >
                  <option value="F">°F</option>
                  <option value="C">°C</option>
                </select>
              )}
            </span>
            {invalid.has(field) && (
              <span id={`vital-${field}-error`} className="field-error">
                {t('vitals.impossible')}
              </span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
