import type { CitationView } from '@unani/contracts';

/** The sources an entry cites, as a reader would quote them. */
export function Sources({ sources, review }: { sources: CitationView[]; review?: boolean }) {
  return (
    <section aria-label="Sources">
      <h2>Sources</h2>
      {review && (
        <p className="warning">
          This entry is awaiting review by a qualified practitioner; check it against the sources before relying on it.
        </p>
      )}
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
