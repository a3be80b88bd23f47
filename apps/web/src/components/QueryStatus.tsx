import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from '../i18n/i18n.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** What a page shows while its data is loading or failed to load. */
export function QueryStatus({ query }: { query: Pick<UseQueryResult, 'error'> }) {
  const { t } = useTranslation();
  if (query.error) return <ErrorMessage error={query.error} />;
  return <p className="muted">{t('common.loading')}</p>;
}
