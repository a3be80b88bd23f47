// The practitioner's patients with search; "New patient" opens the registration form.

import { useQuery } from '@tanstack/react-query';
import type { PatientView } from '@unani/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useDebounced } from '../components/useDebounced.ts';

const SEARCH_DELAY_MS = 250;

export function PatientsPage() {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const patients = useQuery({
    queryKey: ['patients', query],
    queryFn: () =>
      get<{ items: PatientView[] }>(`/api/v1/patients?limit=100${query ? `&q=${encodeURIComponent(query)}` : ''}`),
  });
  return (
    <section>
      <div className="row spread">
        <h1>Patients</h1>
        <Link className="button primary" to="/patients/new">
          New patient
        </Link>
      </div>
      <label className="search">
        Search patients
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name" />
      </label>
      <ErrorMessage error={patients.error} />
      {patients.data && patients.data.items.length === 0 && (
        <p className="muted">
          {query ? 'No patient matches this name.' : 'No patients yet. Register the first with “New patient”.'}
        </p>
      )}
      <ul className="list" aria-label="Patients">
        {patients.data?.items.map((p) => (
          <li key={p.id}>
            <Link to={`/patients/${p.id}`}>
              <strong>{p.name}</strong>
              <span className="muted">
                {p.age} y · {p.sex}
                {p.temperament ? ` · ${p.temperament}` : ''}
                {p.lastVisitAt ? ` · last visit ${new Date(p.lastVisitAt).toLocaleDateString()}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
