// Picking a finding from the knowledge base by any of its names, as present or absent.
import { useQuery } from '@tanstack/react-query';
import type { SymptomSummary } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { En } from '../components/Lang.tsx';
import { useDebounced } from '../components/useDebounced.ts';
import { useTranslation } from '../i18n/i18n.ts';
import type { DraftFinding } from './findings.ts';

const SEARCH_DELAY_MS = 250;
const MAX_MATCHES = 8;

type Match = Pick<SymptomSummary, 'code' | 'name'> & { detail: string };

async function searchSymptoms(q: string): Promise<Match[]> {
  try {
    const page = await api(routes.listSymptoms, { query: { q, limit: MAX_MATCHES } });
    return page.items.map((s) => ({
      code: s.code,
      name: s.name,
      detail: [s.unaniName, s.urduName, s.kind === 'symptom' ? '' : s.kind].filter(Boolean).join(' · '),
    }));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    // Servers without the symptom list still answer the search across the knowledge base.
    const found = await api(routes.searchKnowledge, { query: { q, limit: MAX_MATCHES * 2 } });
    return found.items
      .filter((h) => h.type === 'symptom')
      .map((h) => ({ code: h.code, name: h.name, detail: h.detail }));
  }
}

export function AddFinding({ onAdd }: { onAdd: (finding: DraftFinding) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const matches = useQuery({
    queryKey: ['symptom-search', query],
    queryFn: () => searchSymptoms(query),
    enabled: query.length > 0,
  });
  const add = (m: Match, present: boolean) => {
    onAdd({ symptom: m.code, name: m.name, present, origin: 'picked' });
    setQ('');
  };
  return (
    <div className="add-finding">
      <label>
        {t('addFinding.label')}
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            const first = matches.data?.[0];
            if (e.key === 'Enter' && first) {
              e.preventDefault();
              add(first, true);
            }
          }}
          placeholder={t('addFinding.placeholder')}
          autoComplete="off"
        />
      </label>
      <ErrorMessage error={matches.error} />
      {query && matches.isPending && <p className="muted">{t('addFinding.searching')}</p>}
      {query && matches.data?.length === 0 && <p className="muted">{t('addFinding.noMatch', { query })}</p>}
      {q.trim() !== '' && matches.data && matches.data.length > 0 && (
        <ul className="list" aria-label={t('addFinding.list')}>
          {matches.data.map((m) => (
            <li key={m.code}>
              <div>
                <span>
                  <strong>
                    <En>{m.name}</En>
                  </strong>{' '}
                  {m.detail && (
                    <span className="muted">
                      <En>{m.detail}</En>
                    </span>
                  )}
                </span>
                <span className="row">
                  <button
                    type="button"
                    className="small"
                    aria-label={t('addFinding.addPresent', { name: m.name })}
                    onClick={() => add(m, true)}
                  >
                    {t('addFinding.present')}
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('addFinding.addAbsent', { name: m.name })}
                    onClick={() => add(m, false)}
                  >
                    {t('addFinding.absent')}
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
