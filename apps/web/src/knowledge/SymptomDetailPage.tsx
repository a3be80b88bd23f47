// One symptom or examination finding: its names in every language and the diseases that list it.

import { routes } from '@unani/contracts/routes';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { Sources } from './Sources.tsx';
import { useKnowledgeEntry } from './useKnowledgeEntry.ts';

export function SymptomDetailPage() {
  const { t } = useTranslation();
  const symptom = useKnowledgeEntry('symptoms', (code) => api(routes.getSymptom, { params: { code } }));
  if (!symptom.data) return <QueryStatus query={symptom} />;
  const s = symptom.data;
  return (
    <article>
      <p>
        <Link to="/knowledge?tab=symptoms">{t('symptom.back')}</Link>
      </p>
      <h1>
        {s.name}{' '}
        {s.urduName && (
          <span className="urdu" lang="ur">
            {s.urduName}
          </span>
        )}
      </h1>
      <p className="muted">{[s.unaniName, s.kind].filter(Boolean).join(' · ')}</p>
      {s.description && <p>{s.description}</p>}
      {s.synonyms.length > 0 && <p className="muted">{t('symptom.alsoSaid', { list: s.synonyms.join(', ') })}</p>}
      <h2>{t('symptom.diseases')}</h2>
      <ul className="list" aria-label={t('symptom.diseases')}>
        {s.diseases.map((d) => (
          <li key={d.code}>
            <Link to={`/knowledge/diseases/${d.code}`}>
              <strong>
                {d.name} — {d.englishName}
              </strong>
              <span className="muted">
                {Math.round(d.likelihood * 100)}%{d.cardinal ? t('symptom.cardinal') : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Sources sources={s.sources} review={s.review} />
    </article>
  );
}
