// The notes shared from this visit, whether each still opens, and revoking one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '@unani/contracts/routes';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { type NoteSummaryView, notesKey, useNotes } from './queries.ts';

export function NotesList({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateOf = (note: NoteSummaryView) => {
    if (note.revokedAt) return t('notes.revoked', { date: format.date(note.revokedAt) });
    if (new Date(note.expiresAt).getTime() <= Date.now())
      return t('notes.expired', { date: format.date(note.expiresAt) });
    return t('notes.active', { date: format.date(note.expiresAt) });
  };
  const client = useQueryClient();
  const notes = useNotes(visitId);
  const revoke = useMutation({
    mutationFn: (noteId: string) => api(routes.revokeNote, { params: { id: noteId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: notesKey(visitId) }),
  });
  if (notes.error) return <ErrorMessage error={notes.error} />;
  if (!notes.data) return <p className="muted">{t('notes.loading')}</p>;
  if (notes.data.items.length === 0) return <p className="muted">{t('notes.none')}</p>;
  return (
    <>
      <h3>{t('notes.heading')}</h3>
      <ul className="list" aria-label={t('notes.list')}>
        {notes.data.items.map((n) => {
          const active = !n.revokedAt && new Date(n.expiresAt).getTime() > Date.now();
          const shared = t('notes.shared', {
            language: t(`notes.language.${n.language}`),
            date: format.dateTime(n.createdAt),
          });
          return (
            <li key={n.id}>
              <div>
                <span>{shared}</span>
                <span className="row">
                  <span className={active ? '' : 'muted'}>{stateOf(n)}</span>
                  {active && (
                    <button
                      type="button"
                      className="small danger"
                      disabled={revoke.isPending}
                      // Each active note's button names its note, so several are told apart.
                      aria-label={`${t('notes.revoke')}: ${shared}`}
                      onClick={() => revoke.mutate(n.id)}
                    >
                      {t('notes.revoke')}
                    </button>
                  )}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={revoke.error} />
    </>
  );
}
