// One disease: names, codes, description, symptoms with likelihoods, the standard treatment, sources.

import { useQuery } from '@tanstack/react-query';
import type { DiseaseDetail } from '@unani/contracts';
import { Link, useParams } from 'react-router';
import { get } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { temperamentLabels } from '../components/labels.ts';
import { Sources } from './Sources.tsx';

const kindHeadings = {
  dawa: 'Ilaj bil Dawa (medicines)',
  ghiza: 'Ilaj bil Ghiza (diet)',
  tadbeer: 'Ilaj bil Tadbeer (regimen)',
  advice: 'Advice',
} as const;

export function DiseaseDetailPage() {
  const { code = '' } = useParams();
  const disease = useQuery({
    queryKey: ['disease', code],
    queryFn: () => get<DiseaseDetail>(`/api/v1/diseases/${encodeURIComponent(code)}`),
  });
  if (disease.error) return <ErrorMessage error={disease.error} />;
  if (!disease.data) return <p className="muted">Loading…</p>;
  const d = disease.data;
  return (
    <article>
      <p>
        <Link to="/knowledge?tab=diseases">← Diseases</Link>
      </p>
      <h1>
        {d.name} — {d.englishName}{' '}
        {d.urduName && (
          <span className="urdu" lang="ur">
            {d.urduName}
          </span>
        )}
      </h1>
      <p className="muted">
        {[
          d.codes.numc && `NAMASTE ${d.codes.numc}`,
          d.codes.icd11 && `ICD-11 ${d.codes.icd11}`,
          d.codes.icd10 && `ICD-10 ${d.codes.icd10}`,
          d.organSystem,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p>{d.description}</p>
      {d.synonyms.length > 0 && <p className="muted">Also called: {d.synonyms.join(', ')}</p>}
      {(d.temperaments.length > 0 || d.humours.length > 0) && (
        <p>
          {d.temperaments.length > 0 && <>Mizaj: {d.temperaments.map((t) => temperamentLabels[t]).join(', ')}. </>}
          {d.humours.length > 0 && <>Akhlat: {d.humours.join(', ')}.</>}
        </p>
      )}
      <h2>Findings</h2>
      <table>
        <thead>
          <tr>
            <th>Finding</th>
            <th>Likelihood</th>
            <th>Cardinal</th>
          </tr>
        </thead>
        <tbody>
          {d.symptoms.map((s) => (
            <tr key={s.code}>
              <td>
                <Link to={`/knowledge/symptoms/${s.code}`}>{s.name}</Link>{' '}
                <span className="muted">{s.kind !== 'symptom' ? s.kind : ''}</span>
              </td>
              <td>{Math.round(s.likelihood * 100)}%</td>
              <td>{s.cardinal ? 'yes' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.protocol && (
        <section aria-label="Treatment protocol">
          <h2>Treatment protocol</h2>
          {d.protocol.review && (
            <p className="warning">This protocol is awaiting review; check doses against the cited formulary.</p>
          )}
          {d.protocol.principles.length > 0 && <p>Usool-e-Ilaj: {d.protocol.principles.join('; ')}.</p>}
          {(['dawa', 'ghiza', 'tadbeer', 'advice'] as const).map((kind) => {
            const items = d.protocol?.items.filter((i) => i.kind === kind) ?? [];
            if (items.length === 0) return null;
            return (
              <div key={kind}>
                <h3>{kindHeadings[kind]}</h3>
                <ul>
                  {items.map((i, n) => (
                    <li key={`${kind}-${n}`}>
                      {i.avoid && <strong>Avoid: </strong>}
                      {i.formulation ? (
                        <Link to={`/knowledge/formulations/${i.formulation.code}`}>{i.formulation.name}</Link>
                      ) : null}
                      {i.singleDrug ? (
                        <Link to={`/knowledge/single-drugs/${i.singleDrug.code}`}>{i.singleDrug.name}</Link>
                      ) : null}
                      {i.text && `${i.formulation || i.singleDrug ? ' — ' : ''}${i.text}`}
                      {i.dose && ` · ${i.dose}`}
                      {i.duration && ` · ${i.duration}`}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <Sources sources={d.protocol.sources} />
        </section>
      )}
      <Sources sources={d.sources} review={d.review} />
    </article>
  );
}
