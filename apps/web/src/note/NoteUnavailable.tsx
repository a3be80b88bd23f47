// A link that no longer opens (expired or withdrawn) or never did: said kindly, in the language the note was
// shared in (an Urdu note's link ends in `?lang=ur`), since the note itself cannot tell.
import type { NoteLanguage } from '@unani/contracts';
import { ApiError } from '../api/client.ts';
import { noteStrings } from '../i18n/noteStrings.ts';
import { useDocumentLanguage } from './useDocumentLanguage.ts';

type Reason = 'expired' | 'withdrawn' | 'unknown' | 'busy' | 'failed';

function reasonOf(error: unknown): Reason {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 410) return /expired/i.test(error.message) ? 'expired' : 'withdrawn';
  if (error.status === 404) return 'unknown';
  if (error.status === 429) return 'busy';
  return 'failed';
}

/** The language of the link being opened. */
export function linkLanguage(search = window.location.search): NoteLanguage {
  return new URLSearchParams(search).get('lang') === 'ur' ? 'ur' : 'en';
}

export function NoteUnavailable({ error }: { error: unknown }) {
  const language = linkLanguage();
  const urdu = language === 'ur';
  useDocumentLanguage(language, urdu ? 'rtl' : 'ltr');
  const words = noteStrings[language].unavailable;
  const reason = reasonOf(error);
  return (
    <main className={`page note${urdu ? ' urdu' : ''}`} lang={language} dir={urdu ? 'rtl' : 'ltr'}>
      <section className="card note-unavailable" role="alert">
        <h1>{words[reason]}</h1>
        <p>{words[`${reason}Text`]}</p>
      </section>
    </main>
  );
}
