// One patient: details, medical history (editable), Mizaj and visits; "New visit" starts one.

import { useMutation, useQuery } from '@tanstack/react-query';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { En, Typed } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { EditHistory } from '../patients/EditHistory.tsx';
import { MizajPanel } from '../patients/MizajPanel.tsx';
import { AgeText, PatientSummary } from '../patients/PatientSummary.tsx';

export function PatientPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const patient = useQuery({ queryKey: ['patient', id], queryFn: () => api(routes.getPatient, { params: { id } }) });
  const visits = useQuery({
    queryKey: ['visits', id],
    queryFn: () => api(routes.listVisits, { params: { id }, query: { limit: 100 } }),
  });
  const newVisit = useMutation({
    mutationFn: () => api(routes.createVisit, { params: { id }, body: { complaint: '', findings: [] } }),
    onSuccess: (visit) => navigate(`/visits/${visit.id}`),
  });
  if (patient.error) return <ErrorMessage error={patient.error} />;
  if (!patient.data) return <p className="muted">{t('common.loading')}</p>;
  const p = patient.data;
  return (
    <section>
      <p>
        <Link to="/patients">{t('patient.back')}</Link>
      </p>
      <div className="row spread">
        <h1>
          <Typed text={p.name} />
        </h1>
        <button type="button" className="primary" onClick={() => newVisit.mutate()} disabled={newVisit.isPending}>
          {t('patient.newVisit')}
        </button>
      </div>
      <p className="muted">
        <AgeText patient={p} /> · {t(`vocabulary.sex.${p.sex}`)}
        {p.clinicNumber && (
          <>
            {' · '}
            <bdi>{t('patient.clinicNumber', { number: p.clinicNumber })}</bdi>
          </>
        )}
        {p.phone && (
          <>
            {' · '}
            <bdi>{p.phone}</bdi>
          </>
        )}
      </p>
      <ErrorMessage error={newVisit.error} />
      <div className="row spread">
        <h2>{t('history.title')}</h2>
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('history.edit')}
          </button>
        )}
      </div>
      {editing ? <EditHistory patient={p} onDone={() => setEditing(false)} /> : <PatientSummary patient={p} />}
      <MizajPanel patient={p} />
      <h2>{t('patient.visits')}</h2>
      <ErrorMessage error={visits.error} />
      {visits.data?.items.length === 0 && <p className="muted">{t('patient.noVisits')}</p>}
      <ul className="list" aria-label={t('patient.visits')}>
        {visits.data?.items.map((v) => (
          <li key={v.id}>
            <Link to={`/visits/${v.id}`}>
              <strong>{format.dateTime(v.createdAt)}</strong>
              <span className="muted">
                {t(`patient.status.${v.status}`)}
                {v.diagnosis && (
                  <>
                    {' · '}
                    <En>{`${v.diagnosis.disease.name} (${v.diagnosis.disease.englishName})`}</En>
                  </>
                )}
                {v.planMedicines.length > 0 && (
                  <>
                    {' · '}
                    {t('patient.planMedicines')}: <En>{v.planMedicines.join(', ')}</En>
                  </>
                )}
                {v.complaint && (
                  <>
                    {' · '}
                    <Typed text={v.complaint.slice(0, 80)} />
                  </>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
