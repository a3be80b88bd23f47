// Sharing the saved plan with the patient: a note in English or Urdu behind an expiring link.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoteLanguage } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { NotesList } from './NotesList.tsx';
import { notesKey, useNotes } from './queries.ts';
import { SharedLink } from './SharedLink.tsx';

export function SharePanel({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [language, setLanguage] = useState<NoteLanguage>('en');
  const notes = useNotes(visitId);
  const share = useMutation({
    mutationFn: (language: NoteLanguage) => api(routes.createNote, { params: { id: visitId }, body: { language } }),
    onSuccess: () => client.invalidateQueries({ queryKey: notesKey(visitId) }),
  });
  const created = share.data;
  const revoked = Boolean(created && notes.data?.items.find((n) => n.id === created.id)?.revokedAt);
  return (
    <section aria-labelledby="share-heading" className="card">
      <h2 id="share-heading">{t('share.heading')}</h2>
      <div className="row">
        <label>
          {t('share.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as NoteLanguage)}>
            <option value="en" lang="en">
              {t('language.english')}
            </option>
            <option value="ur" lang="ur">
              {t('language.urdu')}
            </option>
          </select>
        </label>
        <button
          type="button"
          className="primary align-end"
          disabled={share.isPending}
          onClick={() => share.mutate(language)}
        >
          {share.isPending ? t('share.sharing') : t('share.share')}
        </button>
      </div>
      <ErrorMessage error={share.error} />
      {created && (
        <SharedLink url={created.url} language={created.language} expiresAt={created.expiresAt} revoked={revoked} />
      )}
      <NotesList visitId={visitId} />
    </section>
  );
}
