// The practitioner's patients with search; "New patient" opens the registration form.

import { useQuery } from '@tanstack/react-query';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useDebounced } from '../components/useDebounced.ts';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';

const SEARCH_DELAY_MS = 250;

export function PatientsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const patients = useQuery({
    queryKey: ['patients', query],
    queryFn: () => api(routes.listPatients, { query: { limit: 100, q: query || undefined } }),
  });
  return (
    <section>
      <div className="row spread">
        <h1>{t('patients.title')}</h1>
        <Link className="button primary" to="/patients/new">
          {t('patients.newPatient')}
        </Link>
      </div>
      <label className="search">
        {t('patients.search')}
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('patients.searchPlaceholder')}
        />
      </label>
      <ErrorMessage error={patients.error} />
      {patients.data && patients.data.items.length === 0 && (
        <p className="muted">{query ? t('patients.noMatch') : t('patients.none')}</p>
      )}
      <ul className="list" aria-label={t('patients.list')}>
        {patients.data?.items.map((p) => (
          <li key={p.id}>
            <Link to={`/patients/${p.id}`}>
              <strong>{p.name}</strong>
              <span className="muted">
                {t('patients.age', { age: p.age })} · {t(`vocabulary.sex.${p.sex}`)}
                {p.temperament ? ` · ${t(`vocabulary.temperamentShort.${p.temperament}`)}` : ''}
                {p.lastVisitAt ? ` · ${t('patients.lastVisit', { date: format.date(p.lastVisitAt) })}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
