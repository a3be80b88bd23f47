// One disease: names, codes, description, symptoms with likelihoods, the standard treatment, sources.

import { routes } from '@unani/contracts/routes';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { Sources } from './Sources.tsx';
import { useKnowledgeEntry } from './useKnowledgeEntry.ts';

export function DiseaseDetailPage() {
  const { t } = useTranslation();
  const disease = useKnowledgeEntry('diseases', (code) => api(routes.getDisease, { params: { code } }));
  if (!disease.data) return <QueryStatus query={disease} />;
  const d = disease.data;
  return (
    <article>
      <p>
        <Link to="/knowledge?tab=diseases">{t('disease.back')}</Link>
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
      {d.synonyms.length > 0 && <p className="muted">{t('disease.alsoCalled', { list: d.synonyms.join(', ') })}</p>}
      {(d.temperaments.length > 0 || d.humours.length > 0) && (
        <p>
          {d.temperaments.length > 0 &&
            t('disease.mizaj', { list: d.temperaments.map((m) => t(`vocabulary.temperament.${m}`)).join(', ') })}
          {d.humours.length > 0 && t('disease.akhlat', { list: d.humours.join(', ') })}
        </p>
      )}
      <h2>{t('disease.findings')}</h2>
      <TableScroll label={t('disease.findings')}>
        <table>
          <thead>
            <tr>
              <th>{t('disease.finding')}</th>
              <th>{t('disease.likelihood')}</th>
              <th>{t('disease.cardinal')}</th>
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
                <td>{s.cardinal ? t('disease.yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {d.protocol && (
        <section aria-label={t('disease.protocol')}>
          <h2>{t('disease.protocol')}</h2>
          {d.protocol.review && <p className="warning">{t('disease.review')}</p>}
          {d.protocol.principles.length > 0 && (
            <p>{t('disease.principles', { list: d.protocol.principles.join('; ') })}</p>
          )}
          {/* The reason is written in English only; `WithEnglish` marks it so inside the Urdu text. */}
          {d.protocol.noDawa && (
            <p className="warning">
              <WithEnglish text={t('disease.noDawa', { reason: SLOT })} english={d.protocol.noDawa} />
            </p>
          )}
          {(['dawa', 'ghiza', 'tadbeer', 'advice'] as const).map((kind) => {
            const items = d.protocol?.items.filter((i) => i.kind === kind) ?? [];
            if (items.length === 0) return null;
            return (
              <div key={kind}>
                <h3>{t(`disease.kinds.${kind}`)}</h3>
                <ul>
                  {items.map((i, n) => (
                    <li key={`${kind}-${n}`}>
                      {i.avoid && <strong>{t('disease.avoid')}</strong>}
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
          <Sources sources={d.protocol.sources} heading={t('sources.ofProtocol')} />
        </section>
      )}
      <Sources sources={d.sources} review={d.review} />
    </article>
  );
}
