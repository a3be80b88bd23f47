// The question before leaving a visit with unsaved edits: a modal dialog that keeps the focus until answered,
// staying on the visit being the first choice and the answer to Escape.
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/i18n.ts';

export function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const open = dialog.current;
    open?.showModal();
    // Closing, rather than only removing, gives the focus back to where it was.
    return () => open?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="leave-dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-text"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="leave-title">{t('autosave.leaveTitle')}</h2>
      <p id="leave-text">{t('autosave.leaveText')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onStay}>
          {t('autosave.stay')}
        </button>
        <button type="button" onClick={onLeave}>
          {t('autosave.leave')}
        </button>
      </div>
    </dialog>
  );
}
