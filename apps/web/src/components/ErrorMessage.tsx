import { ApiError } from '../api/client.ts';
import { useTranslation } from '../i18n/i18n.ts';

/**
 * Shows a failed request's message in words a person can act on. The server's explanations of a refused
 * request stay as they come; a lost connection or a server fault is said in the interface's language.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError && error.status === 0) text = t('errors.unreachable');
  else if (error instanceof ApiError && error.status >= 500) text = t('errors.server', { message: error.message });
  else text = error instanceof Error ? error.message : t('errors.generic');
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
