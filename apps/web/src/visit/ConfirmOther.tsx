// Confirming a disease the engine did not suggest: a search over the knowledge base's diseases.
import { useQuery } from '@tanstack/react-query';
import type { DiseaseSummary } from '@unani/contracts';
import { useState } from 'react';
import { get } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useDebounced } from '../components/useDebounced.ts';

const SEARCH_DELAY_MS = 250;

export function ConfirmOther({ onConfirm, busy }: { onConfirm: (code: string) => void; busy: boolean }) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const diseases = useQuery({
    queryKey: ['disease-search', query],
    queryFn: () => get<{ items: DiseaseSummary[] }>(`/api/v1/diseases?q=${encodeURIComponent(query)}&limit=8`),
    enabled: query.length > 0,
  });
  return (
    <div className="confirm-other">
      <label>
        Confirm another diagnosis
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Disease name: Unani, English or Urdu"
          autoComplete="off"
        />
      </label>
      <ErrorMessage error={diseases.error} />
      {query && diseases.data?.items.length === 0 && <p className="muted">No disease matches “{query}”.</p>}
      {q.trim() !== '' && diseases.data && diseases.data.items.length > 0 && (
        <ul className="list" aria-label="Matching diseases">
          {diseases.data.items.map((d) => (
            <li key={d.code}>
              <div>
                <span>
                  <strong>{d.name}</strong> <span className="muted">{d.englishName}</span>
                </span>
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  aria-label={`Confirm ${d.name} (${d.englishName})`}
                  onClick={() => {
                    onConfirm(d.code);
                    setQ('');
                  }}
                >
                  Confirm
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
