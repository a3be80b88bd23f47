import type { CitationView } from '@unani/contracts';
import { useTranslation } from '../i18n/i18n.ts';

/** The sources an entry cites, as a reader would quote them; `heading` names them apart when a page has two lists. */
export function Sources({ sources, review, heading }: { sources: CitationView[]; review?: boolean; heading?: string }) {
  const { t } = useTranslation();
  const title = heading ?? t('sources.heading');
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {review && <p className="warning">{t('sources.review')}</p>}
      <ul>
        {sources.map((s) => (
          <li key={`${s.code}-${s.locator ?? ''}`} lang="en" dir="ltr">
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
