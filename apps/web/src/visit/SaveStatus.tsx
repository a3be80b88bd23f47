// Where the autosave stands, beside the form it saves; screen readers hear each change once typing pauses.
import { useTranslation } from '../i18n/i18n.ts';
import type { SaveState } from './useAutosave.ts';

export function SaveStatus({ status, error }: { status: SaveState; error?: unknown }) {
  const { t } = useTranslation();
  const reason = error instanceof Error && error.message ? error.message : t('errors.generic');
  const text = status === 'failed' ? t('autosave.failed', { reason }) : t(`autosave.${status}`);
  return (
    <p className={`save-status save-${status}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
