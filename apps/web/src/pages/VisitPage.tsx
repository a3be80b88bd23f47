// The visit screen (being completed): shows the visit's complaint and findings.

import { useQuery } from '@tanstack/react-query';
import type { EncounterView } from '@unani/contracts';
import { Link, useParams } from 'react-router';
import { get } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

export function VisitPage() {
  const { id = '' } = useParams();
  const visit = useQuery({ queryKey: ['visit', id], queryFn: () => get<EncounterView>(`/api/v1/encounters/${id}`) });
  if (visit.error) return <ErrorMessage error={visit.error} />;
  if (!visit.data) return <p className="muted">Loading…</p>;
  return (
    <section>
      <p>
        <Link to={`/patients/${visit.data.patientId}`}>← Patient</Link>
      </p>
      <h1>Visit</h1>
      <p>{visit.data.complaint}</p>
    </section>
  );
}
