// The patient's Mizaj on the patient page: the current one and how it was set (the questionnaire on a date with its
// confidence, or the practitioner's judgement), "Assess Mizaj" to open the questionnaire, a way to set it by
// judgement instead, and the history of assessments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PatientView, type Temperament, temperaments } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';

/** A confidence (0–1) as a whole percentage. */
export const confidencePercent = (confidence: number) => `${Math.round(confidence * 100)}%`;

export const mizajHistoryKey = (patientId: string) => ['mizaj', patientId];

function CurrentMizaj({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const basis = patient.temperamentBasis;
  if (!patient.temperament || !basis) return <p className="muted">{t('mizaj.notAssessed')}</p>;
  const how =
    basis.method === 'questionnaire' && basis.assessedAt
      ? t('mizaj.byQuestionnaire', {
          date: format.date(basis.assessedAt),
          confidence: confidencePercent(basis.confidence ?? 0),
        })
      : basis.assessedAt
        ? t('mizaj.byJudgementOn', { date: format.date(basis.assessedAt) })
        : t('mizaj.byJudgement');
  return (
    <p>
      <strong>{t(`vocabulary.temperament.${patient.temperament}`)}</strong> · {how}
    </p>
  );
}

function SetByJudgement({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState<Temperament | ''>(patient.temperament ?? '');
  const save = useMutation({
    mutationFn: () =>
      api(routes.updatePatient, { params: { id: patient.id }, body: { temperament: value === '' ? null : value } }),
    onSuccess: (updated) => {
      client.setQueryData(['patient', patient.id], updated);
      void client.invalidateQueries({ queryKey: mizajHistoryKey(patient.id) });
      void client.invalidateQueries({ queryKey: ['patients'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <details>
      <summary>{t('mizaj.setByJudgement')}</summary>
      <form className="row" onSubmit={submit}>
        <label>
          {t('mizaj.judgementLabel')}
          <select value={value} onChange={(e) => setValue(e.target.value as Temperament | '')}>
            <option value="">{t('common.notAssessed')}</option>
            {temperaments.map((m) => (
              <option key={m} value={m}>
                {t(`vocabulary.temperamentName.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="align-end" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('mizaj.saveJudgement')}
        </button>
      </form>
      <ErrorMessage error={save.error} />
    </details>
  );
}

function History({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: mizajHistoryKey(patientId),
    queryFn: () => api(routes.listMizajAssessments, { params: { id: patientId }, query: { limit: 100 } }),
  });
  if (history.error) return <ErrorMessage error={history.error} />;
  const items = history.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <h3 id="mizaj-history">{t('mizaj.history')}</h3>
      <ul className="list" aria-labelledby="mizaj-history">
        {items.map((a) => (
          <li key={a.id}>
            <div>
              <span>
                {t(`mizaj.method.${a.method}`)}:{' '}
                {a.temperament ? t(`vocabulary.temperamentName.${a.temperament}`) : t('mizaj.cleared')}
                {a.confidence !== null &&
                  ` · ${t('mizaj.confidence', { confidence: confidencePercent(a.confidence) })}`}
              </span>
              <span className="muted">{format.dateTime(a.assessedAt)}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function MizajPanel({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mizaj-heading">
      <div className="row spread">
        <h2 id="mizaj-heading">{t('mizaj.heading')}</h2>
        <Link className="button" to={`/patients/${patient.id}/mizaj`}>
          {t('mizaj.assess')}
        </Link>
      </div>
      <CurrentMizaj patient={patient} />
      <SetByJudgement patient={patient} />
      <History patientId={patient.id} />
    </section>
  );
}
