// Confirming a disease the engine did not suggest: a search over the knowledge base's diseases.
import { useQuery } from '@tanstack/react-query';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { En } from '../components/Lang.tsx';
import { useDebounced } from '../components/useDebounced.ts';
import { useTranslation } from '../i18n/i18n.ts';

const SEARCH_DELAY_MS = 250;

export function ConfirmOther({ onConfirm, busy }: { onConfirm: (code: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const diseases = useQuery({
    queryKey: ['disease-search', query],
    queryFn: () => api(routes.listDiseases, { query: { q: query, limit: 8 } }),
    enabled: query.length > 0,
  });
  return (
    <div className="confirm-other">
      <label>
        {t('confirmOther.label')}
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('confirmOther.placeholder')}
          autoComplete="off"
        />
      </label>
      <ErrorMessage error={diseases.error} />
      {query && diseases.data?.items.length === 0 && <p className="muted">{t('confirmOther.noMatch', { query })}</p>}
      {q.trim() !== '' && diseases.data && diseases.data.items.length > 0 && (
        <ul className="list" aria-label={t('confirmOther.list')}>
          {diseases.data.items.map((d) => (
            <li key={d.code}>
              <div>
                <span>
                  <strong>
                    <En>{d.name}</En>
                  </strong>{' '}
                  <span className="muted">
                    <En>{d.englishName}</En>
                  </span>
                </span>
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  aria-label={t('confirmOther.confirmLabel', { name: d.name, englishName: d.englishName })}
                  onClick={() => {
                    onConfirm(d.code);
                    setQ('');
                  }}
                >
                  {t('confirmOther.confirm')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
