// The knowledge browser: one search across every kind of entry, or a list per kind.

import { useQuery } from '@tanstack/react-query';
import type {
  DiseaseSummary,
  FormulationSummary,
  KnowledgeSearchHit,
  SingleDrugSummary,
  SymptomSummary,
} from '@unani/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useDebounced } from '../components/useDebounced.ts';

const SEARCH_DELAY_MS = 250;
const tabs = [
  { key: 'diseases', label: 'Diseases' },
  { key: 'symptoms', label: 'Symptoms' },
  { key: 'single-drugs', label: 'Single drugs' },
  { key: 'formulations', label: 'Formulations' },
] as const;
type Tab = (typeof tabs)[number]['key'];

type Row = { code: string; title: string; detail: string };
function toRows(tab: Tab, items: unknown[]): Row[] {
  switch (tab) {
    case 'diseases':
      return (items as DiseaseSummary[]).map((d) => ({
        code: d.code,
        title: `${d.name} — ${d.englishName}`,
        detail: [d.urduName, d.codes.numc && `NUMC ${d.codes.numc}`, d.organSystem].filter(Boolean).join(' · '),
      }));
    case 'symptoms':
      return (items as SymptomSummary[]).map((s) => ({
        code: s.code,
        title: s.name,
        detail: [s.unaniName, s.urduName, s.kind].filter(Boolean).join(' · '),
      }));
    case 'single-drugs':
      return (items as SingleDrugSummary[]).map((d) => ({
        code: d.code,
        title: d.name,
        detail: [d.englishName, d.botanicalName, d.temperament].filter(Boolean).join(' · '),
      }));
    case 'formulations':
      return (items as FormulationSummary[]).map((f) => ({
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
  const [params, setParams] = useSearchParams();
  const tab = (tabs.find((t) => t.key === params.get('tab'))?.key ?? 'diseases') as Tab;
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const list = useQuery({
    queryKey: ['knowledge', tab, query],
    queryFn: () =>
      get<{ items: unknown[] }>(`/api/v1/${tab}?limit=100${query ? `&q=${encodeURIComponent(query)}` : ''}`),
  });
  const search = useQuery({
    queryKey: ['knowledge-search', query],
    queryFn: () => get<{ items: KnowledgeSearchHit[] }>(`/api/v1/search?limit=8&q=${encodeURIComponent(query)}`),
    enabled: query.length > 0,
  });
  const rows = list.data ? toRows(tab, list.data.items) : [];
  return (
    <section>
      <h1>Knowledge base</h1>
      <p className="muted">
        Diseases, symptoms and the Unani formulary, each with its sources. Search in English, Unani or Urdu.
      </p>
      <label className="search">
        Search the knowledge base
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="e.g. Shaqeeqa, migraine, شقیقہ, sar dard"
        />
      </label>
      {query && search.data && search.data.items.length > 0 && (
        <div className="card">
          <h2>Best matches</h2>
          <ul className="list" aria-label="Best matches">
            {search.data.items.map((h) => (
              <li key={`${h.type}-${h.code}`}>
                <Link to={`/knowledge/${hitPath[h.type]}/${h.code}`}>
                  <strong>{h.name}</strong>
                  <span className="muted">
                    {h.type} · {h.detail}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row" role="tablist" aria-label="Kinds of entry">
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={t.key === tab}
            className={t.key === tab ? 'primary' : ''}
            onClick={() => setParams({ tab: t.key })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ErrorMessage error={list.error} />
      {list.data && rows.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
      <ul className="list" aria-label={tabs.find((t) => t.key === tab)?.label}>
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
