// Adding to the plan: a formulation or single drug from the formulary, or any free text.
import { useQuery } from '@tanstack/react-query';
import type { TreatmentKind } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { En } from '../components/Lang.tsx';
import { useDebounced } from '../components/useDebounced.ts';
import { useTranslation } from '../i18n/i18n.ts';
import { type DraftItem, NO_DOSE, newKey } from './planDraft.ts';

const SEARCH_DELAY_MS = 250;
const MAX_MATCHES = 6;

type Entry = { code: string; name: string; detail: string; drug: boolean };

async function searchFormulary(q: string, singleDrug: string): Promise<Entry[]> {
  const query = { q, limit: MAX_MATCHES };
  const [formulations, drugs] = await Promise.all([
    api(routes.listFormulations, { query }),
    api(routes.listSingleDrugs, { query }),
  ]);
  return [
    ...formulations.items.map((f) => ({ code: f.code, name: f.name, detail: f.dosageForm, drug: false })),
    ...drugs.items.map((d) => ({
      code: d.code,
      name: d.name,
      detail: [singleDrug, d.englishName].filter(Boolean).join(' · '),
      drug: true,
    })),
  ];
}

const freeKinds = ['dawa', 'take', 'avoid', 'tadbeer', 'advice'] as const;
type FreeKind = (typeof freeKinds)[number];

const blank = { name: '', text: '', ...NO_DOSE, avoid: false };

export function AddTreatment({ onAdd }: { onAdd: (item: DraftItem) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [freeKind, setFreeKind] = useState<FreeKind>('dawa');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const matches = useQuery({
    queryKey: ['formulary-search', query, t('addTreatment.singleDrug')],
    queryFn: () => searchFormulary(query, t('addTreatment.singleDrug')),
    enabled: query.length > 0,
  });
  const addEntry = (e: Entry) => {
    onAdd({
      ...blank,
      key: newKey(),
      kind: 'dawa',
      name: e.name,
      ...(e.drug ? { singleDrugCode: e.code } : { formulationCode: e.code }),
    });
    setQ('');
  };
  const addFree = () => {
    const kind: TreatmentKind = freeKind === 'take' || freeKind === 'avoid' ? 'ghiza' : freeKind;
    onAdd({ ...blank, key: newKey(), kind, text: q.trim(), avoid: freeKind === 'avoid' });
    setQ('');
  };
  return (
    <div className="add-treatment">
      <div className="row">
        <label className="grow">
          {t('addTreatment.label')}
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('addTreatment.placeholder')}
            autoComplete="off"
          />
        </label>
        <label>
          {t('addTreatment.kindLabel')}
          <select value={freeKind} onChange={(e) => setFreeKind(e.target.value as FreeKind)}>
            {freeKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`addTreatment.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="align-end" disabled={!q.trim()} onClick={addFree}>
          {t('addTreatment.addFree')}
        </button>
      </div>
      <ErrorMessage error={matches.error} />
      {q.trim() !== '' && matches.data && matches.data.length > 0 && (
        <ul className="list" aria-label={t('addTreatment.list')}>
          {matches.data.map((e) => (
            <li key={`${e.drug ? 'd' : 'f'}-${e.code}`}>
              <div>
                <span>
                  <strong>
                    <En>{e.name}</En>
                  </strong>{' '}
                  <span className="muted">
                    <En>{e.detail}</En>
                  </span>
                </span>
                <button
                  type="button"
                  className="small"
                  aria-label={t('addTreatment.addLabel', { name: e.name })}
                  onClick={() => addEntry(e)}
                >
                  {t('addTreatment.add')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {query && matches.data?.length === 0 && <p className="muted">{t('addTreatment.noMatch', { query })}</p>}
    </div>
  );
}
