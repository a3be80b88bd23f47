// Research dashboard: disease frequency by month, symptom co-occurrence, engine agreement, CSV export.
// All figures come from k-anonymous records; the server sends null for any count under the reporting minimum.

import { useQuery } from '@tanstack/react-query';
import type { ResearchStatistics } from '@unani/contracts';
import { routes, urlOf } from '@unani/contracts/routes';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useTranslation } from '../i18n/i18n.ts';

const PALETTE = ['#1d5c46', '#c27c0e', '#3b6fb6', '#a12a1f', '#6b4fa0', '#2f8f83', '#8a8a2e', '#b3477d'];
const TOP_DISEASES_CHARTED = 8;
const PAIRS_SHOWN = 15;

function monthlyRows(stats: ResearchStatistics) {
  const totals = new Map<string, number>();
  for (const r of stats.diseaseByMonth) if (r.count) totals.set(r.disease, (totals.get(r.disease) ?? 0) + r.count);
  const diseases = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_DISEASES_CHARTED)
    .map(([d]) => d);
  const months = [...new Set(stats.diseaseByMonth.map((r) => r.month))].sort();
  const rows = months.map((month) => {
    const row: Record<string, string | number> = { month };
    for (const d of diseases)
      row[d] = stats.diseaseByMonth.find((r) => r.month === month && r.disease === d)?.count ?? 0;
    return row;
  });
  return { diseases, rows };
}

export function ResearchPage() {
  const { t } = useTranslation();
  const percent = (x: number | null) => (x === null ? t('research.notEnough') : `${Math.round(x * 100)}%`);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = { from: from || undefined, to: to || undefined };
  const stats = useQuery({
    queryKey: ['research-stats', filter],
    queryFn: () => api(routes.researchStatistics, { query: filter }),
  });
  const chart = useMemo(() => (stats.data ? monthlyRows(stats.data) : undefined), [stats.data]);
  const nameOf = (code: string) => stats.data?.names[code] ?? code;
  return (
    <section>
      <h1>{t('research.title')}</h1>
      <p className="muted">{t('research.intro', { n: stats.data?.minReportedCount ?? 5 })}</p>
      <div className="row">
        <label>
          {t('research.from')}
          <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('research.to')}
          <input type="month" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <a className="button" href={urlOf(routes.researchCasesCsv, { query: filter })} download>
          {t('research.export')}
        </a>
      </div>
      <ErrorMessage error={stats.error} />
      {stats.data && (
        <>
          <div className="grid-2">
            <div className="card">
              <h2>{t('research.cases')}</h2>
              <p style={{ fontSize: '2rem', margin: 0 }}>{stats.data.cases ?? t('research.fewer')}</p>
            </div>
            <section className="card" aria-label={t('research.agreement')}>
              <h2>{t('research.agreement')}</h2>
              <p>
                {stats.data.agreement.n === null
                  ? t('research.agreementTooFew', { n: stats.data.minReportedCount })
                  : t('research.agreementText', {
                      top1: percent(stats.data.agreement.top1),
                      top3: percent(stats.data.agreement.top3),
                      n: stats.data.agreement.n,
                    })}
              </p>
            </section>
          </div>
          <div className="card">
            <h2>{t('research.byMonth')}</h2>
            {chart && chart.rows.length > 0 ? (
              <div style={{ width: '100%', height: 320 }} role="img" aria-label={t('research.chart')}>
                <ResponsiveContainer>
                  <BarChart data={chart.rows}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="month" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    {chart.diseases.map((d, i) => (
                      <Bar key={d} dataKey={d} name={nameOf(d)} stackId="cases" fill={PALETTE[i % PALETTE.length]} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
            ) : null}
            {chart && chart.rows.length > 0 ? (
              <details>
                <summary>{t('research.chartAsTable')}</summary>
                <TableScroll label={t('research.byMonth')}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('research.month')}</th>
                        {chart.diseases.map((d) => (
                          <th key={d} scope="col">
                            {nameOf(d)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {chart.rows.map((row) => (
                        <tr key={String(row.month)}>
                          <th scope="row">{row.month}</th>
                          {chart.diseases.map((d) => (
                            <td key={d}>{row[d]}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </details>
            ) : (
              <p className="muted">{t('research.noMonth', { n: stats.data.minReportedCount })}</p>
            )}
          </div>
          <div className="card">
            <h2>{t('research.pairs')}</h2>
            <TableScroll label={t('research.pairs')}>
              <table>
                <thead>
                  <tr>
                    <th>{t('research.finding')}</th>
                    <th>{t('research.with')}</th>
                    <th>{t('research.casesColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.symptomPairs.slice(0, PAIRS_SHOWN).map((p) => (
                    <tr key={`${p.a}-${p.b}`}>
                      <td>{nameOf(p.a)}</td>
                      <td>{nameOf(p.b)}</td>
                      <td>{p.suppressed ? t('research.fewer') : p.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        </>
      )}
    </section>
  );
}
