// Closing a visit: asked once more, because a closed visit can no longer change.
import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';

interface Props {
  onClose: () => void;
  closing: boolean;
  error: unknown;
}

export function CloseVisit({ onClose, closing, error }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <div className="row">
        <button type="button" onClick={() => setAsking(true)}>
          {t('visit.closeVisit')}
        </button>
      </div>
    );
  return (
    <fieldset className="card plain">
      <legend className="visually-hidden">{t('visit.closeVisit')}</legend>
      <p>{t('visit.closeConfirm')}</p>
      <div className="row">
        <button type="button" className="primary" disabled={closing} onClick={onClose}>
          {closing ? t('visit.closing') : t('visit.closeYes')}
        </button>
        <button type="button" disabled={closing} onClick={() => setAsking(false)}>
          {t('visit.closeNo')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </fieldset>
  );
}
