// The patient's treatment note, opened from the link the practitioner shared; no account needed.

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { NoteUnavailable } from '../note/NoteUnavailable.tsx';
import { NoteView } from '../note/NoteView.tsx';
import { noteQuery } from '../note/noteQuery.ts';

export function NotePage() {
  const { token = '' } = useParams();
  const note = useQuery(noteQuery(token));
  if (note.error) return <NoteUnavailable error={note.error} />;
  // The note's language is not known until it arrives: say it in both.
  if (!note.data)
    return (
      <main className="page note muted note-loading" aria-busy="true">
        <p lang="en">Loading your note…</p>
        <p lang="ur" dir="rtl">
          آپ کا نسخہ کھل رہا ہے…
        </p>
      </main>
    );
  return <NoteView note={note.data} />;
}
