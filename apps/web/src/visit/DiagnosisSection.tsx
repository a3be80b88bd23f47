// The practitioner's decision: the confirmed diagnosis, and a way to confirm one the engine did not suggest.
import type { EncounterView } from '@unani/contracts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { En } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { ConfirmOther } from './ConfirmOther.tsx';

interface Props {
  diagnosis: EncounterView['diagnosis'];
  onConfirm: (code: string) => void;
  busy: boolean;
  error: unknown;
}

export function DiagnosisSection({ diagnosis, onConfirm, busy, error }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="diagnosis-heading" className="card">
      <h2 id="diagnosis-heading">{t('diagnosis.heading')}</h2>
      {diagnosis ? (
        <p>
          {t('diagnosis.confirmed')}{' '}
          <strong>
            <En>{diagnosis.disease.name}</En>
          </strong>{' '}
          (<En>{diagnosis.disease.englishName}</En>){' '}
          <span className="muted">
            · {diagnosis.fromSuggestion ? t('diagnosis.fromSuggestion') : t('diagnosis.chosen')} ·{' '}
            {format.dateTime(diagnosis.confirmedAt)}
          </span>
        </p>
      ) : (
        <p className="muted">{t('diagnosis.notYet')}</p>
      )}
      {busy && <p className="muted">{t('diagnosis.confirming')}</p>}
      <ErrorMessage error={error} />
      <ConfirmOther onConfirm={onConfirm} busy={busy} />
    </section>
  );
}
