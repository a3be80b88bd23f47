// One patient: details and history of visits; "New visit" starts one.

import { useMutation, useQuery } from '@tanstack/react-query';
import type { EncounterView, PatientView } from '@unani/contracts';
import { Link, useNavigate, useParams } from 'react-router';
import { get, post } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { temperamentLabels } from '../components/labels.ts';

const statusLabels: Record<EncounterView['status'], string> = {
  open: 'Open',
  analysed: 'Analysed',
  diagnosed: 'Diagnosed',
  planned: 'Plan saved',
  closed: 'Closed',
};

export function PatientPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const patient = useQuery({ queryKey: ['patient', id], queryFn: () => get<PatientView>(`/api/v1/patients/${id}`) });
  const visits = useQuery({
    queryKey: ['visits', id],
    queryFn: () => get<{ items: EncounterView[] }>(`/api/v1/patients/${id}/encounters?limit=100`),
  });
  const newVisit = useMutation({
    mutationFn: () => post<EncounterView>(`/api/v1/patients/${id}/encounters`, { complaint: '', findings: [] }),
    onSuccess: (visit) => navigate(`/visits/${visit.id}`),
  });
  if (patient.error) return <ErrorMessage error={patient.error} />;
  if (!patient.data) return <p className="muted">Loading…</p>;
  const p = patient.data;
  return (
    <section>
      <p>
        <Link to="/patients">← Patients</Link>
      </p>
      <div className="row spread">
        <h1>{p.name}</h1>
        <button type="button" className="primary" onClick={() => newVisit.mutate()} disabled={newVisit.isPending}>
          New visit
        </button>
      </div>
      <p className="muted">
        {p.age} years · {p.sex}
        {p.phone ? ` · ${p.phone}` : ''}
        {p.temperament ? ` · ${temperamentLabels[p.temperament]}` : ''}
      </p>
      <ErrorMessage error={newVisit.error} />
      <h2>Visits</h2>
      <ErrorMessage error={visits.error} />
      {visits.data?.items.length === 0 && <p className="muted">No visits yet.</p>}
      <ul className="list" aria-label="Visits">
        {visits.data?.items.map((v) => (
          <li key={v.id}>
            <Link to={`/visits/${v.id}`}>
              <strong>{new Date(v.createdAt).toLocaleString()}</strong>
              <span className="muted">
                {statusLabels[v.status]}
                {v.diagnosis ? ` · ${v.diagnosis.disease.name} (${v.diagnosis.disease.englishName})` : ''}
                {v.complaint ? ` · ${v.complaint.slice(0, 80)}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
