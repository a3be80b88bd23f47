// The knowledge browser: one search across every kind of entry, or a list per kind.

import { useQuery } from '@tanstack/react-query';
import type { KnowledgeSearchHit } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useDebounced } from '../components/useDebounced.ts';
import { useTranslation } from '../i18n/i18n.ts';

const SEARCH_DELAY_MS = 250;
const tabs = ['diseases', 'symptoms', 'single-drugs', 'formulations'] as const;
type Tab = (typeof tabs)[number];

type Row = { code: string; title: string; detail: string };
const LIST_SIZE = 100;
const BEST_MATCHES = 8;

/** One tab's entries matching `q` (all of them when empty), as rows of the list. */
async function listRows(tab: Tab, q: string): Promise<Row[]> {
  const query = { limit: LIST_SIZE, q: q || undefined };
  switch (tab) {
    case 'diseases':
      return (await api(routes.listDiseases, { query })).items.map((d) => ({
        code: d.code,
        title: `${d.name} — ${d.englishName}`,
        detail: [d.urduName, d.codes.numc && `NUMC ${d.codes.numc}`, d.organSystem].filter(Boolean).join(' · '),
      }));
    case 'symptoms':
      return (await api(routes.listSymptoms, { query })).items.map((s) => ({
        code: s.code,
        title: s.name,
        detail: [s.unaniName, s.urduName, s.kind].filter(Boolean).join(' · '),
      }));
    case 'single-drugs':
      return (await api(routes.listSingleDrugs, { query })).items.map((d) => ({
        code: d.code,
        title: d.name,
        detail: [d.englishName, d.botanicalName, d.temperament].filter(Boolean).join(' · '),
      }));
    case 'formulations':
      return (await api(routes.listFormulations, { query })).items.map((f) => ({
        code: f.code,
        title: f.name,
        detail: [f.dosageForm, f.urduName].filter(Boolean).join(' · '),
      }));
  }
}

const hitPath: Record<KnowledgeSearchHit['type'], string> = {
  disease: 'diseases',
  symptom: 'symptoms',
  'single-drug': 'single-drugs',
  formulation: 'formulations',
};

export function KnowledgePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((key) => key === params.get('tab')) ?? 'diseases';
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const list = useQuery({
    queryKey: ['knowledge', tab, query],
    queryFn: () => listRows(tab, query),
  });
  const search = useQuery({
    queryKey: ['knowledge-search', query],
    queryFn: () => api(routes.searchKnowledge, { query: { limit: BEST_MATCHES, q: query } }),
    enabled: query.length > 0,
  });
  const rows = list.data ?? [];
  return (
    <section>
      <h1>{t('knowledge.title')}</h1>
      <p className="muted">{t('knowledge.intro')}</p>
      <label className="search">
        {t('knowledge.search')}
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('knowledge.placeholder')}
        />
      </label>
      {query && search.data && search.data.items.length > 0 && (
        <div className="card">
          <h2>{t('knowledge.bestMatches')}</h2>
          <ul className="list" aria-label={t('knowledge.bestMatches')}>
            {search.data.items.map((h) => (
              <li key={`${h.type}-${h.code}`}>
                <Link to={`/knowledge/${hitPath[h.type]}/${h.code}`}>
                  <strong>{h.name}</strong>
                  <span className="muted">
                    {t(`knowledge.hitType.${h.type}`)} · {h.detail}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row" role="tablist" aria-label={t('knowledge.kindsOfEntry')}>
        {tabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={key === tab}
            className={key === tab ? 'primary' : ''}
            onClick={() => setParams({ tab: key })}
          >
            {t(`knowledge.tabs.${key}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={list.error} />
      {list.data && rows.length === 0 && (
        <p className="muted">
          {search.data?.items.length
            ? t('knowledge.noMatchInTab', { query, tab: t(`knowledge.tabs.${tab}`) })
            : t('knowledge.noMatch', { query })}
        </p>
      )}
      <ul className="list" aria-label={t(`knowledge.tabs.${tab}`)}>
        {rows.map((r) => (
          <li key={r.code}>
            <Link to={`/knowledge/${tab}/${r.code}`}>
              <strong>{r.title}</strong>
              <span className="muted">{r.detail}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
