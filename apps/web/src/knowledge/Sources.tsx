import type { CitationView } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';

/** The sources an entry cites, as a reader would quote them. */
export function Sources({ sources, review }: { sources: CitationView[]; review?: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('sources.heading')}>
      <h2>{t('sources.heading')}</h2>
      {review && <p className="warning">{t('sources.review')}</p>}
      <ul>
        {sources.map((s) => (
          <li key={`${s.code}-${s.locator ?? ''}`}>
            {s.title}
            {s.author || s.publisher ? `, ${[s.author, s.publisher].filter(Boolean).join(', ')}` : ''}
            {s.year ? ` (${s.year})` : ''}
            {s.locator ? `, ${s.locator}` : ''}
            {s.url && (
              <>
                {' '}
                <a href={s.url} rel="noreferrer">
                  {s.url}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
