// What every visit must see of the patient's record: age as a clinician says it, clinic number, allergies (always
// stated, even when none), known conditions, current medicines and pregnancy as it stands today.
import { type PatientView, pregnancyOn } from '@unani/contracts';
import { Typed } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { ageOf } from './age.ts';

export function AgeText({ patient }: { patient: Pick<PatientView, 'age' | 'birthDate' | 'birthDateEstimated'> }) {
  const { t } = useTranslation();
  const age = ageOf(patient);
  const text =
    age.unit === 'years'
      ? t('patient.years', { age: age.value })
      : age.unit === 'months'
        ? t('patient.months', { count: age.value })
        : t('patient.days', { count: age.value });
  return <>{patient.birthDateEstimated ? `${text} ${t('patient.estimated')}` : text}</>;
}

export function PatientSummary({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const h = patient.history;
  const conditions = [...h.conditions.map((c) => t(`history.condition.${c}`)), ...h.otherConditions];
  const pregnancy = h.pregnancy;
  const now = pregnancyOn(pregnancy);
  const recordedOn = pregnancy ? format.date(`${pregnancy.recordedOn}T00:00:00Z`) : '';
  return (
    <dl className="patient-summary" aria-label={t('history.title')}>
      <div className={h.allergies.length ? 'warn' : undefined}>
        <dt>{t('history.allergiesLabel')}</dt>
        <dd>{h.allergies.length ? <Typed text={h.allergies.join(', ')} /> : t('history.noAllergies')}</dd>
      </div>
      {conditions.length > 0 && (
        <div>
          <dt>{t('history.conditionsLabel')}</dt>
          <dd>
            <Typed text={conditions.join(', ')} />
          </dd>
        </div>
      )}
      {h.medicines.length > 0 && (
        <div>
          <dt>{t('history.medicinesLabel')}</dt>
          <dd>
            <Typed text={h.medicines.join(', ')} />
          </dd>
        </div>
      )}
      {pregnancy && (
        <div className={now.pregnant ? 'warn' : undefined}>
          <dt>{t('history.pregnancy')}</dt>
          <dd>
            {Object.keys(now).length === 0
              ? t('history.askAgain', { date: recordedOn })
              : now.pregnancyWeeks !== undefined
                ? t('history.pregnantWeeks', { weeks: now.pregnancyWeeks })
                : `${t(`history.pregnancyStatus.${pregnancy.status}`)} · ${t('history.recorded', { date: recordedOn })}`}
          </dd>
        </div>
      )}
    </dl>
  );
}
